import IsingCore

/// A trainable tensor with its accumulated gradient.
public final class Parameter {
    /// What the parameter is, e.g. "weight" or "bias".
    public let name: String
    public var value: Tensor
    /// d(loss)/d(value), summed over the backward passes since the last `zeroGradient`.
    public var grad: Tensor

    public init(_ name: String, _ value: Tensor) {
        self.name = name
        self.value = value
        self.grad = value.map { _ in 0 }
    }

    /// Clears the accumulated gradient.
    public func zeroGradient() { grad = value.map { _ in 0 } }
}

/// A differentiable map from tensors to tensors. `forward` remembers what `backward`
/// needs; `backward` takes d(loss)/d(output) of the last forward call, adds the
/// parameters' gradients and returns d(loss)/d(input). Inputs are one example (a
/// vector) or a batch (one example per row).
public protocol Layer: AnyObject {
    /// A short description, e.g. "dense(64, 32)".
    var description: String { get }
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter] { get }
    func forward(_ x: Tensor) throws -> Tensor
    func backward(_ gradOutput: Tensor) throws -> Tensor
}

extension Layer {
    /// Clears every parameter's gradient.
    public func zeroGradients() { for p in parameters { p.zeroGradient() } }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}

/// An error for a backward call without a matching forward call.
func missingForward(_ layer: String) -> IsingError {
    IsingError("\(layer): backward called before forward")
}
