import Foundation
import IsingCore

extension RBM {
    /// p(y | x) for every class y, exactly, for an RBM whose last `labels` visible units
    /// are a one-hot class: p(y | x) ∝ e^{-F(x, e_y)} (the free energy with the label
    /// unit y on). `x` holds rows of `features` values. Returns rows of `labels` probabilities.
    public func classProbabilities(_ x: [Float]) throws -> [Double] {
        guard labels >= 2 else { throw IsingError("this RBM has no label block: make it with `labels:` (the number of classes)") }
        let nf = features, nh = hidden, nl = labels
        let n = try rows(of: x, width: nf, what: "pictures")
        guard units == .bernoulli || units == .spin else { return [] }
        // Inputs from the pixels alone: X W_pixels + c (the label rows of W are skipped).
        var a = [Float](repeating: 0, count: n * nh)
        for r in 0..<n { for j in 0..<nh { a[r * nh + j] = hiddenBias[j] } }
        if n > 0 {
            Gemm.single(m: Int32(n), n: Int32(nh), k: Int32(nf), a: x, transA: false, b: weights, transB: false, beta: 1, c: &a)
        }
        let (off, on) = units.values
        var out = [Double](repeating: 0, count: n * nl)
        var scores = [Double](repeating: 0, count: nl)
        for r in 0..<n {
            for y in 0..<nl {
                // Label block: unit y is `on`, the others `off` (0 for Bernoulli, -1 for spins).
                var s = Double(visibleBias[nf + y]) * Double(on)
                for l in 0..<nl where l != y { s += Double(visibleBias[nf + l]) * Double(off) }
                for j in 0..<nh {
                    var t = Double(a[r * nh + j])
                    for l in 0..<nl {
                        let value = l == y ? on : off
                        if value != 0 { t += Double(value) * Double(weights[(nf + l) * nh + j]) }
                    }
                    s += units.logPartition(t)
                }
                scores[y] = s
            }
            let z = logSumExp(scores)
            for y in 0..<nl { out[r * nl + y] = exp(scores[y] - z) }
        }
        return out
    }

    /// The most probable class of each row.
    public func classify(_ x: [Float]) throws -> [Int] {
        let p = try classProbabilities(x)
        let nl = labels
        return (0..<(p.count / nl)).map { r in
            var best = 0
            for y in 1..<nl where p[r * nl + y] > p[r * nl + best] { best = y }
            return best
        }
    }
}
