import Foundation
import IsingCore

/// log Σ exp(x) without overflow.
func logSumExp(_ xs: [Double]) -> Double {
    guard let m = xs.max(), m.isFinite else { return xs.max() ?? -.infinity }
    var s = 0.0
    for x in xs { s += exp(x - m) }
    return m + log(s)
}

extension RBM {
    /// The largest layer that is summed over exactly.
    public static let maxExactUnits = 20

    /// Whether `logPartitionExact` can run (one layer has at most 20 units).
    public var hasExactPartition: Bool { min(visible, hidden) <= RBM.maxExactUnits }

    /// log Z, exactly, by summing over every state of the smaller layer (≤ 20 units)
    /// with the other layer summed out analytically. Double precision throughout.
    public func logPartitionExact() throws -> Double {
        guard hasExactPartition else {
            throw IsingError("exact log Z needs a layer of at most \(RBM.maxExactUnits) units, this RBM has \(visible) visible and \(hidden) hidden")
        }
        let overHidden = hidden <= visible
        let n = overHidden ? hidden : visible          // enumerated layer
        let m = overHidden ? visible : hidden          // summed-out layer
        let w = weights.map(Double.init)               // visible × hidden
        let ownBias = (overHidden ? hiddenBias : visibleBias).map(Double.init)
        let otherBias = (overHidden ? visibleBias : hiddenBias).map(Double.init)
        let (lo, hi) = units.values
        let total = 1 << n
        let chunk = min(total, 4096)
        var terms: [Double] = []
        terms.reserveCapacity(total)
        var states = [Double](repeating: 0, count: chunk * n)
        var inputs = [Double](repeating: 0, count: chunk * m)
        var start = 0
        while start < total {
            if Cancellation.isRequested { throw CancelledError() }
            let rows = min(chunk, total - start)
            for r in 0..<rows {
                let s = start + r
                for k in 0..<n { states[r * n + k] = Double((s >> k) & 1 == 1 ? hi : lo) }
            }
            for r in 0..<rows { for i in 0..<m { inputs[r * m + i] = otherBias[i] } }
            // inputs = states · Wᵀ (hidden enumerated) or states · W (visible enumerated)
            Gemm.double(m: Int32(rows), n: Int32(m), k: Int32(n), a: states, transA: false,
                        b: w, transB: overHidden, beta: 1, c: &inputs)
            for r in 0..<rows {
                var t = 0.0
                for k in 0..<n { t += ownBias[k] * states[r * n + k] }
                for i in 0..<m { t += units.logPartition(inputs[r * m + i]) }
                terms.append(t)
            }
            start += rows
        }
        return logSumExp(terms)
    }

    /// The mean log-likelihood per row, exactly (needs `hasExactPartition`).
    public func logLikelihoodExact(_ data: [Float]) throws -> Double {
        let n = try rows(of: data, width: visible)
        guard n > 0 else { throw IsingError("the log-likelihood of no data is undefined") }
        let logZ = try logPartitionExact()
        let f = try freeEnergy(data)
        return -f.reduce(0, +) / Double(n) - logZ
    }

    /// The mean log-likelihood per row given a log Z (exact or estimated).
    public func logLikelihood(_ data: [Float], logZ: Double) throws -> Double {
        let n = try rows(of: data, width: visible)
        guard n > 0 else { throw IsingError("the log-likelihood of no data is undefined") }
        return -(try freeEnergy(data)).reduce(0, +) / Double(n) - logZ
    }

    /// The pseudo-log-likelihood per row as scikit-learn's BernoulliRBM reports it: one
    /// randomly chosen unit per row is flipped and `visible · log σ(F(v') - F(v))` is taken.
    public func pseudoLikelihood(_ data: [Float], seed: UInt64) throws -> Double {
        let n = try rows(of: data, width: visible)
        guard n > 0 else { throw IsingError("the pseudo-likelihood of no data is undefined") }
        var rng = Xoshiro256(seed: seed)
        var flipped = data
        let (lo, hi) = units.values
        for r in 0..<n {
            let i = r * visible + rng.nextInt(below: visible)
            flipped[i] = (lo + hi) - flipped[i]
        }
        let f = try freeEnergy(data), g = try freeEnergy(flipped)
        var total = 0.0
        for r in 0..<n {
            let d = g[r] - f[r]        // log σ(d) = -softplus(-d)
            total += -Double(visible) * UnitKind.bernoulli.logPartition(-d)
        }
        return total / Double(n)
    }
}
