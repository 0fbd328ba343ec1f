import Foundation
import IsingCore

/// The result of annealed importance sampling: an estimate of log Z and its standard error.
public struct PartitionEstimate: Sendable {
    public var logZ: Double
    /// The standard error of log Z from the spread of the importance weights (delta method).
    public var standardError: Double
    /// log Z ± 3 standard errors.
    public var low: Double { logZ - 3 * standardError }
    public var high: Double { logZ + 3 * standardError }
    public var chains: Int
    public var temperatures: Int
}

extension RBM {
    /// Estimates log Z by annealed importance sampling (Neal; Salakhutdinov and Murray):
    /// chains start from the RBM with no weights and no hidden biases (its visible biases
    /// kept), whose log Z is known, and are moved by Gibbs steps through the machines
    /// with parameters scaled by β_1 < ... < β_K = 1 while importance weights accumulate.
    /// All chains run together as one batch (gemm per temperature).
    public func annealedImportanceSampling(chains: Int, betas: [Double], seed: UInt64) throws -> PartitionEstimate {
        guard chains >= 1, chains <= 1_000_000 else { throw IsingError("`chains` must be between 1 and 1000000, got \(chains)") }
        guard chains * max(visible, hidden) <= 100_000_000 else {
            throw IsingError("\(chains) chains of \(max(visible, hidden)) units would hold more than 10^8 values")
        }
        guard betas.count >= 2, betas.first == 0, betas.last == 1 else {
            throw IsingError("`betas` must run from 0 to 1 with at least 2 values")
        }
        for k in 1..<betas.count where !(betas[k] >= betas[k - 1]) {
            throw IsingError("`betas` must be non-decreasing (value \(k) is \(betas[k]) after \(betas[k - 1]))")
        }
        var rng = Xoshiro256(seed: seed)
        let nv = visible, nh = hidden
        let kind = units
        // Base model: p_0(v) ∝ e^{bᵀv}, hidden units free.
        let base = visibleBias
        var logZ0 = Double(nh) * kind.logPartition(0)
        for i in 0..<nv { logZ0 += kind.logPartition(Double(base[i])) }
        var v = [Float](repeating: 0, count: chains * nv)
        for r in 0..<chains { for i in 0..<nv { v[r * nv + i] = kind.sample(base[i], Float(rng.nextDouble())) } }
        var logW = [Double](repeating: 0, count: chains)

        // log p*_β(v) minus the visible-bias term (which is the same at every β).
        func logUnnormalised(_ input: [Float], _ beta: Double) -> [Double] {
            (0..<chains).map { r in
                var t = 0.0
                for j in 0..<nh { t += kind.logPartition(beta * Double(input[r * nh + j])) }
                return t
            }
        }
        // The path p_β(v, h) ∝ e^{bᵀv + β (cᵀh + vᵀWh)}: at β = 0 the hidden units are free,
        // as logZ0 assumes; at β = 1 it is the machine.
        for k in 1..<betas.count {
            if Cancellation.isRequested { throw CancelledError() }
            let input = hiddenInput(v, rows: chains)
            let upper = logUnnormalised(input, betas[k]), lower = logUnnormalised(input, betas[k - 1])
            for r in 0..<chains { logW[r] += upper[r] - lower[r] }
            if k == betas.count - 1 { break }
            // One Gibbs transition that leaves p_{β_k} invariant.
            let beta = Float(betas[k])
            var h = [Float](repeating: 0, count: chains * nh)
            for t in 0..<h.count { h[t] = kind.sample(beta * input[t], Float(rng.nextDouble())) }
            var a = [Float](repeating: 0, count: chains * nv)
            Gemm.single(m: Int32(chains), n: Int32(nv), k: Int32(nh), a: h, transA: false, b: weights, transB: true, c: &a)
            for r in 0..<chains {
                for i in 0..<nv {
                    let x = base[i] + beta * a[r * nv + i]
                    v[r * nv + i] = kind.sample(x, Float(rng.nextDouble()))
                }
            }
        }
        let m = logW.max() ?? 0
        let w = logW.map { exp($0 - m) }
        let mean = w.reduce(0, +) / Double(chains)
        var variance = 0.0
        for x in w { variance += (x - mean) * (x - mean) }
        variance /= Double(max(chains - 1, 1))
        let se = chains > 1 && mean > 0 ? (variance / Double(chains)).squareRoot() / mean : .infinity
        return PartitionEstimate(logZ: logZ0 + m + log(mean), standardError: se, chains: chains, temperatures: betas.count)
    }

    /// `n` temperatures: linear from 0 to 1.
    public static func linearBetas(_ n: Int) throws -> [Double] {
        guard n >= 2, n <= 10_000_000 else { throw IsingError("`betas` must be between 2 and 10000000, got \(n)") }
        return (0..<n).map { Double($0) / Double(n - 1) }
    }
}
