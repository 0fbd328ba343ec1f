import Foundation
import IsingCore

/// The gradient of the mean conditional log-likelihood (1/B) Σ log p(y | x) of a batch.
public struct ConditionalGradient {
    public var weights: [Float]
    public var visibleBias: [Float]
    public var hiddenBias: [Float]
    /// The mean log p(y | x) of the batch at the current parameters.
    public var logLikelihood: Double
}

extension RBM {
    /// The exact gradient of the mean log p(y | x) over a batch of rows that hold the
    /// pixels followed by the one-hot label block (Larochelle and Bengio's discriminative
    /// RBM). With o_yj = c_j + U_yj + (x W)_j and s_yj = σ(o_yj):
    /// ∂/∂c_j = s_{y j} - Σ_y' p(y'|x) s_{y' j}, ∂/∂W_ij = x_i ∂/∂c_j,
    /// ∂/∂U_y'j = s_{y' j} (1[y' = y] - p(y'|x)), ∂/∂d_y' = 1[y' = y] - p(y'|x).
    public func conditionalGradient(_ batch: [Float]) throws -> ConditionalGradient {
        guard labels >= 2 else { throw IsingError("discriminative training needs a label block: make the RBM with `labels:`") }
        guard units == .bernoulli else { throw IsingError("discriminative training is implemented for Bernoulli units") }
        let b = try rows(of: batch, width: visible, what: "a batch")
        guard b > 0 else { throw IsingError("a batch must hold at least one row") }
        let nf = features, nl = labels, nh = hidden
        var x = [Float](repeating: 0, count: b * nf)
        var y = [Int](repeating: 0, count: b)
        for r in 0..<b {
            for i in 0..<nf { x[r * nf + i] = batch[r * visible + i] }
            var best = 0
            for l in 1..<nl where batch[r * visible + nf + l] > batch[r * visible + nf + best] { best = l }
            y[r] = best
        }
        var a = [Float](repeating: 0, count: b * nh)
        for r in 0..<b { for j in 0..<nh { a[r * nh + j] = hiddenBias[j] } }
        Gemm.single(m: Int32(b), n: Int32(nh), k: Int32(nf), a: x, transA: false, b: weights, transB: false, beta: 1, c: &a)

        var gc = [Float](repeating: 0, count: b * nh)       // ∂/∂c per row
        var gu = [Float](repeating: 0, count: nl * nh)      // Σ_r ∂/∂U
        var gd = [Float](repeating: 0, count: nl)
        var s = [Float](repeating: 0, count: nl * nh)
        var scores = [Double](repeating: 0, count: nl)
        var total = 0.0
        let w = weights, vb = visibleBias
        for r in 0..<b {
            for l in 0..<nl {
                // One exponential gives both σ(o) and softplus(o) = max(o, 0) + log(1 + e^{-|o|}).
                var softplus: Float = 0
                for j in 0..<nh {
                    let o = a[r * nh + j] + w[(nf + l) * nh + j]
                    let e = expf(-abs(o))
                    s[l * nh + j] = o >= 0 ? 1 / (1 + e) : e / (1 + e)
                    softplus += max(o, 0) + log1pf(e)
                }
                scores[l] = Double(vb[nf + l]) + Double(softplus)
            }
            let z = logSumExp(scores)
            total += scores[y[r]] - z
            for l in 0..<nl {
                let p = Float(exp(scores[l] - z))
                let indicator: Float = l == y[r] ? 1 : 0
                gd[l] += indicator - p
                for j in 0..<nh {
                    gc[r * nh + j] += (indicator - p) * s[l * nh + j]
                    gu[l * nh + j] += (indicator - p) * s[l * nh + j]
                }
            }
        }
        let scale = 1 / Float(b)
        var gw = [Float](repeating: 0, count: visible * nh)
        Gemm.single(m: Int32(nf), n: Int32(nh), k: Int32(b), alpha: scale, a: x, transA: true, b: gc, transB: false, beta: 0, c: &gw)
        for l in 0..<nl { for j in 0..<nh { gw[(nf + l) * nh + j] = scale * gu[l * nh + j] } }
        var gb = [Float](repeating: 0, count: visible)
        for l in 0..<nl { gb[nf + l] = scale * gd[l] }
        var gh = [Float](repeating: 0, count: nh)
        for r in 0..<b { for j in 0..<nh { gh[j] += scale * gc[r * nh + j] } }
        return ConditionalGradient(weights: gw, visibleBias: gb, hiddenBias: gh, logLikelihood: total / Double(b))
    }
}
