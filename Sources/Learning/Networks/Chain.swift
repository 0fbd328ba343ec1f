import IsingCore

/// Layers applied one after another; its parameters are theirs, in order.
public final class Chain: Layer {
    public let layers: [Layer]

    public init(_ layers: [Layer]) { self.layers = layers }

    public var description: String { "chain(" + layers.map(\.description).joined(separator: ", ") + ")" }
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    public func forward(_ x: Tensor) throws -> Tensor {
        var y = x
        for layer in layers { y = try layer.forward(y) }
        return y
    }

    public func backward(_ g: Tensor) throws -> Tensor {
        var d = g
        for layer in layers.reversed() { d = try layer.backward(d) }
        return d
    }
}
