import Foundation
import IsingCore

/// A fully connected layer y = x W + b, with W of shape (in, out) and b of shape (out,).
public final class Dense: Layer {
    public let inputs: Int
    public let outputs: Int
    public let weight: Parameter
    public let bias: Parameter
    private var lastInput: Tensor?

    /// Weights drawn uniformly from ±sqrt(6 / (in + out)) (Glorot), biases zero.
    public init(inputs: Int, outputs: Int, seed: UInt64, dtype: DType = .float64) throws {
        guard inputs >= 1, outputs >= 1 else { throw IsingError("a dense layer needs at least one input and one output, got (\(inputs), \(outputs))") }
        self.inputs = inputs
        self.outputs = outputs
        let limit = (6.0 / Double(inputs + outputs)).squareRoot()
        weight = Parameter("weight", try Tensor.rand([inputs, outputs], seed: seed, low: -limit, high: limit, dtype: dtype))
        bias = Parameter("bias", try Tensor(shape: [outputs], repeating: 0, dtype: dtype))
    }

    public var description: String { "dense(\(inputs), \(outputs))" }
    public var parameters: [Parameter] { [weight, bias] }

    public func forward(_ x: Tensor) throws -> Tensor {
        guard x.rank == 1 || x.rank == 2, x.cols == inputs else {
            throw IsingError("\(description) expects inputs of shape (\(inputs),) or (batch, \(inputs)), got \(x.shapeText)")
        }
        lastInput = x
        return try Tensor.zip(try Tensor.matmul(x, weight.value), bias.value, +)
    }

    public func backward(_ g: Tensor) throws -> Tensor {
        guard let x = lastInput else { throw missingForward(description) }
        let x2 = x.rank == 1 ? try x.reshaped([1, inputs]) : x
        let g2 = g.rank == 1 ? try g.reshaped([1, outputs]) : g
        guard g2.shape == [x2.rows, outputs] else {
            throw IsingError("\(description): output gradient of shape \(g.shapeText) does not match the output shape (\(x2.rows), \(outputs))")
        }
        weight.grad = try Tensor.zip(weight.grad, try Tensor.matmul(x2.transposed, g2), +)
        bias.grad = try Tensor.zip(bias.grad, try g2.reduce(.sum, axis: 0), +)
        let gx = try Tensor.matmul(g2, weight.value.transposed)
        return x.rank == 1 ? try gx.reshaped([inputs]) : gx
    }
}
