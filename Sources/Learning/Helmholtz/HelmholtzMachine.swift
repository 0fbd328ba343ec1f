import Foundation
import IsingCore

/// The quantum-assisted Helmholtz machine of seed 002: a generator network P(v | u) and
/// a recognition network Q(u | v) of stochastic ±1 layers (eqs. 10–14), with a
/// Boltzmann prior ρ(u) ∝ e^{-E(u)}, E(u) = Σ h_i u_i + Σ_(i,j) J_ij u_i u_j, on the
/// deepest layer whose samples come from any sampler (the gray-box approach: the
/// sampler's own distribution is what the prior's parameters are tuned against).
/// The visible layer is stochastic ±1 ("spin") or deterministic tanh ("tanh") for
/// continuous values in [-1, 1].
public final class HelmholtzMachine: @unchecked Sendable {
    /// The kind of visible units.
    public enum Visible: String, Sendable { case spin, tanh }

    /// Layer sizes from the visible layer to the deepest one.
    public let sizes: [Int]
    public let visible: Visible
    /// generator[ℓ] maps layer ℓ+1 to layer ℓ (ℓ = 0 is the visible layer).
    public var generator: [StochasticLayer]
    /// recognition[ℓ] maps layer ℓ to layer ℓ+1.
    public var recognition: [StochasticLayer]
    /// The prior's fields, one per deepest unit.
    public var priorField: [Double]
    /// The prior's couplings, one per edge of `priorEdges`.
    public var priorCoupling: [Double]
    /// The pairs of deepest units the prior couples (all pairs by default).
    public let priorEdges: [(Int, Int)]

    /// A machine with small random directed weights and a zero prior.
    public init(sizes: [Int], visible: Visible = .spin, priorEdges: [(Int, Int)]? = nil, seed: UInt64, scale: Double = 0.01) throws {
        guard sizes.count >= 2 else { throw IsingError("a Helmholtz machine needs a visible and at least one hidden layer, got \(sizes)") }
        guard sizes.allSatisfy({ $0 >= 1 && $0 <= 100_000 }) else { throw IsingError("layer sizes must be between 1 and 100000, got \(sizes)") }
        for k in 1..<sizes.count {
            guard sizes[k - 1].multipliedReportingOverflow(by: sizes[k]).partialValue <= 50_000_000 else {
                throw IsingError("layers \(k - 1) and \(k) would have too many weights")
            }
        }
        let top = sizes[sizes.count - 1]
        var edges: [(Int, Int)] = []
        if let given = priorEdges {
            for (a, b) in given {
                guard a >= 0, b >= 0, a < top, b < top, a != b else {
                    throw IsingError("prior edge (\(a), \(b)) is not a pair of distinct units of the deepest layer (0..<\(top))")
                }
                edges.append((min(a, b), max(a, b)))
            }
        } else {
            guard top <= 5000 else { throw IsingError("a fully connected prior over \(top) units is too large") }
            for i in 0..<top { for j in (i + 1)..<top { edges.append((i, j)) } }
        }
        self.sizes = sizes
        self.visible = visible
        var rng = Xoshiro256(seed: seed)
        generator = (0..<(sizes.count - 1)).map { StochasticLayer(inputs: sizes[$0 + 1], outputs: sizes[$0], rng: &rng, scale: scale) }
        recognition = (0..<(sizes.count - 1)).map { StochasticLayer(inputs: sizes[$0], outputs: sizes[$0 + 1], rng: &rng, scale: scale) }
        priorField = [Double](repeating: 0, count: top)
        priorCoupling = [Double](repeating: 0, count: edges.count)
        self.priorEdges = edges
    }

    /// The size of the deepest layer.
    public var top: Int { sizes[sizes.count - 1] }

    /// The prior's energy as a spin model over variables 0..<top.
    public func priorModel() -> BinaryQuadraticModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<top { m.addLinear(.int(i), priorField[i]) }
        for (k, (i, j)) in priorEdges.enumerated() where priorCoupling[k] != 0 { m.addQuadratic(index: i, index: j, priorCoupling[k]) }
        return m
    }

    /// Deepest-layer samples from a sampler of the prior, as ±1 rows.
    public func samplePrior(_ sampler: any Sampler, count: Int, seed: UInt64) throws -> [Double] {
        guard count >= 1, count.multipliedReportingOverflow(by: sizes.max() ?? 1).partialValue <= 100_000_000 else {
            throw IsingError("\(count) samples of layers up to \(sizes.max() ?? 1) units would hold more than 10^8 values")
        }
        let set = try sampler.sample(priorModel(), SampleRequest(reads: count, seed: seed, threads: defaultThreadCount))
        var out: [Double] = []
        out.reserveCapacity(count * top)
        for r in 0..<set.size {
            let row = set.state(r)
            guard row.count == top else { throw IsingError("the prior sampler returned \(row.count) variables, expected \(top)") }
            for _ in 0..<max(set.counts[r], 1) { out.append(contentsOf: row.map { Double($0) }) }
        }
        return out
    }

    /// A bottom-up pass of the recognition network: every layer's samples, starting with `v`.
    public func recognize(_ v: [Double], rows: Int, rng: inout Xoshiro256) -> [[Double]] {
        var layers = [v]
        for layer in recognition { layers.append(layer.sample(layers[layers.count - 1], rows: rows, rng: &rng)) }
        return layers
    }

    /// A top-down pass of the generator network from deepest-layer rows: every layer,
    /// the visible one first. Tanh visible units are their means.
    public func generate(from u: [Double], rows: Int, rng: inout Xoshiro256) -> [[Double]] {
        var layers = [u]
        for l in stride(from: generator.count - 1, through: 0, by: -1) {
            let above = layers[0]
            let next = (l == 0 && visible == .tanh) ? generator[l].means(above, rows: rows) : generator[l].sample(above, rows: rows, rng: &rng)
            layers.insert(next, at: 0)
        }
        return layers
    }

    /// Checks rows of data against the visible layer and returns their number.
    public func rows(of data: [Double]) throws -> Int {
        guard data.count % sizes[0] == 0 else { throw IsingError("data holds \(data.count) values, not whole rows of \(sizes[0])") }
        return data.count / sizes[0]
    }
}
