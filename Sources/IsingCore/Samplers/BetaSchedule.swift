import Foundation

/// How inverse temperatures go from hot to cold over an anneal.
public enum BetaSchedule: Sendable, Equatable, CustomStringConvertible {
    /// β_k = β_hot · (β_cold / β_hot)^(k / (m − 1)): equal ratios between steps.
    case geometric
    /// β_k = β_hot + (β_cold − β_hot) · k / (m − 1): equal differences between steps.
    case linear
    /// The given inverse temperatures, one per sweep, in order.
    case custom([Double])

    public var description: String {
        switch self {
        case .geometric: return "geometric"
        case .linear: return "linear"
        case .custom(let b): return "custom(\(b.count) betas)"
        }
    }

    /// The β of each of `count` sweeps from `hot` to `cold`. A custom schedule ignores
    /// all three and returns its own list. One sweep runs at the cold end, as
    /// dwave-samplers does.
    public func betas(hot: Double, cold: Double, count: Int) throws -> [Double] {
        let s = try sequence(hot: hot, cold: cold, count: count)
        return (0..<s.count).map { s[$0] }
    }

    /// The same as `betas`, computed one sweep at a time (long runs need no big array).
    func sequence(hot: Double, cold: Double, count: Int) throws -> BetaSequence {
        switch self {
        case .custom(let list):
            guard !list.isEmpty else { throw IsingError("a custom beta schedule needs at least one beta") }
            for b in list where !(b.isFinite && b >= 0) {
                throw IsingError("beta schedule values must be finite and not negative, got \(b)")
            }
            return BetaSequence(count: list.count, rule: .list(list))
        case .geometric, .linear:
            guard count >= 1 else { throw IsingError("sweeps must be at least 1, got \(count)") }
            guard hot.isFinite, cold.isFinite, hot >= 0, cold >= 0 else {
                throw IsingError("beta range must hold finite, non-negative values, got (\(hot), \(cold))")
            }
            if count == 1 { return BetaSequence(count: 1, rule: .constant(cold)) }
            if case .geometric = self {
                guard hot > 0, cold > 0 else {
                    throw IsingError("a geometric schedule needs a beta range of positive values, got (\(hot), \(cold))")
                }
                return BetaSequence(count: count, rule: .geometric(hot, cold))
            }
            return BetaSequence(count: count, rule: .linear(hot, cold))
        }
    }
}

/// The β of sweep k of a run, computed on demand.
struct BetaSequence: Sendable {
    enum Rule: Sendable {
        case constant(Double)
        case geometric(Double, Double)
        case linear(Double, Double)
        case list([Double])
    }
    let count: Int
    let rule: Rule

    /// β at sweep `k` (0 ≤ k < count); the last sweep is exactly at the cold end.
    subscript(k: Int) -> Double {
        switch rule {
        case .constant(let b): return b
        case .list(let b): return b[k]
        case .geometric(let hot, let cold):
            return k == count - 1 ? cold : hot * exp(log(cold / hot) * Double(k) / Double(count - 1))
        case .linear(let hot, let cold):
            return k == count - 1 ? cold : hot + (cold - hot) * Double(k) / Double(count - 1)
        }
    }
}

/// An annealing range of inverse temperatures, with the reason it was chosen.
public struct BetaRange: Sendable, Equatable {
    /// The first (smallest) β of the anneal.
    public var hot: Double
    /// The last (largest) β of the anneal.
    public var cold: Double
    /// Why these values: "given" or the rule that produced them.
    public var reason: String

    /// A range with its reason.
    public init(hot: Double, cold: Double, reason: String) {
        self.hot = hot; self.cold = cold; self.reason = reason
    }

    /// The default range for optimisation, with dwave-samplers' rule
    /// (`_default_ising_beta_range`):
    ///
    /// - hot: the largest conceivable flip cost is 2·max_i(|h_i| + Σ_j |J_ij|); β_hot makes that
    ///   flip accepted with probability ½, so β_hot = ln 2 / (2 · max effective field);
    /// - cold: each spin's smallest nonzero bias (|h_i| or one |J_ij|) approximates its
    ///   smallest excitation 2·b_i; with g spins sharing the smallest such bias b, β_cold =
    ///   ln(g / 0.01) / (2b), so that about 1 % of the final sweep's flips are excitations.
    ///
    /// A model whose biases are all zero gets (0.1, 1), as in dwave-samplers.
    public static func defaultRange(for model: SpinModel) -> BetaRange {
        let n = model.count
        var maxField = 0.0
        var smallest = [Double](repeating: .infinity, count: n)
        for i in 0..<n {
            var sum = abs(model.h[i])
            if model.h[i] != 0 { smallest[i] = abs(model.h[i]) }
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                let b = abs(model.couplings[k])
                sum += b
                if b != 0 { smallest[i] = min(smallest[i], b) }
            }
            maxField = max(maxField, sum)
        }
        let finite = smallest.filter { $0.isFinite }
        guard let minField = finite.min(), minField > 0, maxField.isFinite else {
            return BetaRange(hot: 0.1, cold: 1, reason: "all biases are zero: the range is arbitrary (0.1, 1), as in dwave-samplers")
        }
        let hot = log(2.0) / (2 * maxField)
        let ties = finite.filter { $0 == minField }.count
        let cold = log(Double(ties) / 0.01) / (2 * minField)
        let reason = "dwave-samplers' rule: hot beta = ln 2 / (2 * \(shortNumber(maxField))) accepts the costliest flip "
            + "with probability 1/2; cold beta = ln(\(ties) / 0.01) / (2 * \(shortNumber(minField))) leaves about 1% "
            + "of spins flipping at the end (smallest nonzero bias \(shortNumber(minField)), on \(ties) spin\(ties == 1 ? "" : "s"))"
        return BetaRange(hot: hot, cold: cold, reason: reason)
    }
}

/// A number in a short, readable form for messages.
func shortNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(format: "%.6g", x)
}
