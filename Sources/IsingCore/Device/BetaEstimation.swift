import Foundation

/// Estimates the inverse temperature at which samples look Boltzmann-distributed for a
/// model, by maximum pseudo-likelihood: the β maximising
/// Σ_samples Σ_i log P(s_i | rest) with P(s_i | rest) = e^{−β s_i f_i} / 2cosh(β f_i),
/// f_i = h_i + Σ_j J_ij s_j. The log pseudo-likelihood is concave in β, so a safeguarded
/// Newton iteration finds the maximum. This is how a learner in the gray-box setting
/// can learn the effective temperature of an annealer it cannot inspect.
public enum BetaEstimation {
    /// The estimate, from spin states (row-major, ±1, over the model's variables) with a
    /// weight (count) per row.
    public static func pseudoLikelihoodBeta(_ model: SpinModel, states: [Int8], counts: [Int]) throws -> Double {
        let n = model.count
        guard n > 0 else { throw IsingError("the model has no variables, so β cannot be estimated") }
        let rows = states.count / n
        guard rows > 0, counts.count == rows else { throw IsingError("estimate_beta needs at least one sample") }
        // Local fields and their weights: the objective only needs the pairs (s_i f_i, f_i).
        var aligned = 0.0
        var fields: [(f: Double, w: Double)] = []
        fields.reserveCapacity(rows * n)
        states.withUnsafeBufferPointer { s in
            for r in 0..<rows {
                let w = Double(counts[r])
                let row = UnsafeBufferPointer(rebasing: s[(r * n)..<((r + 1) * n)])
                for i in 0..<n {
                    let f = model.localField(i, row)
                    aligned += w * Double(row[i]) * f
                    if f != 0 { fields.append((abs(f), w)) }
                }
            }
        }
        // Stationary point: Σ w |f| tanh(β |f|) = −Σ w s f.
        let target = -aligned
        guard target > 0 else {
            throw IsingError("the samples are no more ordered than at infinite temperature (estimated β ≤ 0)")
        }
        let ceiling = fields.reduce(0) { $0 + $1.w * $1.f }
        guard target < ceiling * (1 - 1e-12) else {
            throw IsingError("every spin in every sample is aligned with its local field, so β is unbounded")
        }
        func gradient(_ beta: Double) -> (g: Double, curvature: Double) {
            var g = -target, c = 0.0
            for (f, w) in fields {
                let t = tanh(beta * f)
                g += w * f * t
                c += w * f * f * (1 - t * t)
            }
            return (g, c)
        }
        var lo = 0.0, hi = 1.0
        while gradient(hi).g < 0 {
            lo = hi; hi *= 2
            guard hi < 1e12 else { throw IsingError("β estimate diverged") }
        }
        var beta = (lo + hi) / 2
        for _ in 0..<200 {
            let (g, c) = gradient(beta)
            if g > 0 { hi = beta } else { lo = beta }
            var next = c > 0 ? beta - g / c : (lo + hi) / 2
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - beta) <= 1e-13 * max(1, beta) { return next }
            beta = next
        }
        return beta
    }
}
