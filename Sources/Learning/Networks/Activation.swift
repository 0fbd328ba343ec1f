import Foundation
import IsingCore

/// An elementwise (or, for softmax, row-wise) nonlinearity with no parameters.
public final class Activation: Layer {
    /// Which function.
    public enum Kind: Sendable, Equatable {
        case sigmoid, tanh, relu, softmax
        case leakyRelu(Double)
    }
    public let kind: Kind
    private var lastInput: Tensor?
    private var lastOutput: Tensor?

    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .softmax: return "softmax"
        case .leakyRelu(let a): return "leaky_relu(\(a))"
        }
    }
    public var parameters: [Parameter] { [] }

    /// The function applied to a tensor (no state kept).
    public static func apply(_ kind: Kind, _ x: Tensor) throws -> Tensor {
        switch kind {
        case .sigmoid: return x.map(logistic)
        case .tanh: return x.map { Foundation.tanh($0) }
        case .relu: return x.map { $0 > 0 ? $0 : 0 }
        case .leakyRelu(let a): return x.map { $0 > 0 ? $0 : a * $0 }
        case .softmax: return try softmax(x)
        }
    }

    /// 1 / (1 + e^-x), computed without overflow.
    @inline(__always)
    public static func logistic(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// Softmax along the last axis, shifted by the maximum for stability.
    public static func softmax(_ x: Tensor) throws -> Tensor {
        guard x.rank >= 1, x.cols > 0 else { throw IsingError("softmax needs a non-empty vector or matrix, got shape \(x.shapeText)") }
        let c = x.cols
        var out = x.data
        for r in 0..<(x.count / c) {
            let row = x.data[(r * c)..<((r + 1) * c)]
            let m = row.max() ?? 0
            var total = 0.0
            for j in 0..<c { let e = exp(x.data[r * c + j] - m); out[r * c + j] = e; total += e }
            for j in 0..<c { out[r * c + j] /= total }
        }
        return x.withData(out)
    }

    public func forward(_ x: Tensor) throws -> Tensor {
        let y = try Activation.apply(kind, x)
        lastInput = x
        lastOutput = y
        return y
    }

    public func backward(_ g: Tensor) throws -> Tensor {
        guard let x = lastInput, let y = lastOutput else { throw missingForward(description) }
        guard g.shape == y.shape else {
            throw IsingError("\(description): output gradient of shape \(g.shapeText) does not match the output shape \(y.shapeText)")
        }
        switch kind {
        case .sigmoid: return try Tensor.zip(g, y) { $0 * $1 * (1 - $1) }
        case .tanh: return try Tensor.zip(g, y) { $0 * (1 - $1 * $1) }
        case .relu: return try Tensor.zip(g, x) { $1 > 0 ? $0 : 0 }
        case .leakyRelu(let a): return try Tensor.zip(g, x) { $1 > 0 ? $0 : a * $0 }
        case .softmax:
            let c = y.cols
            var out = g.data
            for r in 0..<(y.count / c) {
                var dot = 0.0
                for j in 0..<c { dot += g.data[r * c + j] * y.data[r * c + j] }
                for j in 0..<c { out[r * c + j] = y.data[r * c + j] * (g.data[r * c + j] - dot) }
            }
            return g.withData(out)
        }
    }
}
