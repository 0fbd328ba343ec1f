import Foundation
import IsingCore

/// A directed layer of a sigmoid belief network over ±1 units (eq. 14 of the quantum-
/// assisted Helmholtz machine paper): given inputs x (one row per example),
/// E[u_i] = tanh((x W)_i + c_i) and p(u_i) = 1 / (1 + e^{-2 u_i ((x W)_i + c_i)}).
/// W is stored row-major as inputs × outputs.
public struct StochasticLayer: Sendable {
    public let inputs: Int
    public let outputs: Int
    public var weights: [Double]
    public var bias: [Double]

    public init(inputs: Int, outputs: Int, rng: inout Xoshiro256, scale: Double) {
        self.inputs = inputs
        self.outputs = outputs
        weights = (0..<(inputs * outputs)).map { _ in scale * rng.nextGaussian() }
        bias = [Double](repeating: 0, count: outputs)
    }

    /// x W + c for `rows` rows of inputs.
    public func activation(_ x: [Double], rows: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows { for j in 0..<outputs { out[r * outputs + j] = bias[j] } }
        if rows > 0 {
            Gemm.double(m: Int32(rows), n: Int32(outputs), k: Int32(inputs), a: x, transA: false,
                        b: weights, transB: false, beta: 1, c: &out)
        }
        return out
    }

    /// The means tanh(x W + c).
    public func means(_ x: [Double], rows: Int) -> [Double] { activation(x, rows: rows).map { tanh($0) } }

    /// ±1 samples of the outputs given inputs.
    public func sample(_ x: [Double], rows: Int, rng: inout Xoshiro256) -> [Double] {
        means(x, rows: rows).map { rng.nextDouble() < (1 + $0) / 2 ? 1 : -1 }
    }

    /// log p(u | x) of each row of outputs `u`: Σ_i -log(1 + e^{-2 u_i a_i}).
    public func logProbability(_ u: [Double], given x: [Double], rows: Int) -> [Double] {
        let a = activation(x, rows: rows)
        return (0..<rows).map { r in
            var t = 0.0
            for j in 0..<outputs {
                let z = -2 * u[r * outputs + j] * a[r * outputs + j]
                t -= z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
            }
            return t
        }
    }

    /// The gradient of the mean log-likelihood of `targets` given `inputs` (the delta rule
    /// of eqs. 15–18): dW = xᵀ (u − tanh(x W + c)) / N, dc = mean(u − tanh(x W + c)). Also
    /// returns the mean over rows of log p(u | x) (for ±1 targets) and the mean squared
    /// difference between targets and means (for continuous targets).
    public func ascent(inputs x: [Double], targets u: [Double], rows: Int) -> (weights: [Double], bias: [Double], logp: Double, squaredError: Double) {
        var dW = [Double](repeating: 0, count: inputs * outputs)
        var dc = [Double](repeating: 0, count: outputs)
        guard rows > 0, x.count == rows * inputs, u.count == rows * outputs else { return (dW, dc, .nan, .nan) }
        let a = activation(x, rows: rows)
        var delta = [Double](repeating: 0, count: a.count)
        var logp = 0.0, squared = 0.0
        for k in 0..<a.count {
            let z = -2 * u[k] * a[k]
            logp -= z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
            delta[k] = u[k] - tanh(a[k])
            squared += delta[k] * delta[k]
        }
        let scale = 1 / Double(rows)
        Gemm.double(m: Int32(inputs), n: Int32(outputs), k: Int32(rows), alpha: scale, a: x, transA: true,
                    b: delta, transB: false, beta: 0, c: &dW)
        for r in 0..<rows { for j in 0..<outputs { dc[j] += scale * delta[r * outputs + j] } }
        return (dW, dc, logp * scale, squared * scale / Double(max(outputs, 1)))
    }
}
