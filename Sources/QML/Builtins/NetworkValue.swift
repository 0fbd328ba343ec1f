import IsingCore
import Learning

/// A layer or a chain of layers as a language value, called like a function on a tensor.
final class NetworkValue: NativeValue, CallableValue {
    let layer: Layer
    init(_ layer: Layer) { self.layer = layer }

    override var typeName: String { "Network" }
    override var summary: String { "\(layer.description) [\(layer.parameterCount) parameters]" }

    override var display: String {
        guard let chain = layer as? Chain else { return summary }
        var lines = ["chain of \(chain.layers.count) layers, \(layer.parameterCount) parameters"]
        for (k, l) in chain.layers.enumerated() {
            lines.append("  \(k)  \(l.description)" + (l.parameterCount > 0 ? "  (\(l.parameterCount))" : ""))
        }
        return lines.joined(separator: "\n")
    }

    func call(_ positional: [Value], keywords: [(String, Value)], interpreter: Interpreter) throws -> Value {
        guard positional.count == 1, keywords.isEmpty, let x = positional.first else {
            throw Diagnostic.runtime("a network is called with one tensor: net(x)", at: nil)
        }
        let input: Tensor
        do { input = try TensorValue.tensor(from: x, dtype: .float64) } catch let e as IsingError {
            throw Diagnostic.runtime("\(layer.description): \(e.message)", at: nil)
        }
        return try TensorValue.run { try layer.forward(input) }
    }

    override var memberNames: [String] {
        var names = ["parameters", "gradients", "forward", "backward", "zero_grad", "grad", "fit", "size"]
        if layer is Chain { names.append("layers") }
        if layer is Dense { names += ["weight", "bias"] }
        return names
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let layer = self.layer
        switch name {
        case "parameters": return .list(layer.parameters.map { .object(TensorValue($0.value)) })
        case "gradients": return .list(layer.parameters.map { .object(TensorValue($0.grad)) })
        case "size": return .int(layer.parameterCount)
        case "layers":
            guard let chain = layer as? Chain else { return nil }
            return .list(chain.layers.map { .object(NetworkValue($0)) })
        case "weight", "bias":
            guard let d = layer as? Dense else { return nil }
            return .object(TensorValue(name == "weight" ? d.weight.value : d.bias.value))
        case "forward":
            return method(name, [.required("x")], "The output for input x (the same as calling the network).") { args in
                try self.call([args.value(0)], keywords: [], interpreter: args.interpreter)
            }
        case "backward":
            return method(name, [.required("grad")], """
                Back-propagates d(loss)/d(output) of the last call: adds to the parameters' gradients and returns d(loss)/d(input).
                """) { args in
                let g = try args.tensor(0)
                return try TensorValue.run { try layer.backward(g) }
            }
        case "zero_grad":
            return method(name, [], "Clears the accumulated gradients.") { _ in layer.zeroGradients(); return .null }
        case "grad":
            return method(name, [.required("x"), .required("target"), .optional("loss", "\"mse\"")], """
                The loss of the output for x against target ("mse" or "cross_entropy" on logits), with its gradients accumulated.
                """) { args in
                let x = try args.tensor(0), t = try args.tensor(1), loss = try args.loss(2)
                do {
                    let (value, g) = try loss.evaluate(try layer.forward(x), t)
                    _ = try layer.backward(g)
                    return .float(value)
                } catch let e as IsingError { throw args.error(e.message) }
            }
        case "fit":
            return method(name, [.required("x"), .required("target"), .required("optimizer"), .optional("steps", "100"),
                                 .optional("loss", "\"mse\"")], """
                Full-batch training: `steps` rounds of gradients and optimizer steps; returns the loss before each step.
                """) { args in
                let x = try args.tensor(0), t = try args.tensor(1), opt = try args.optimizer(2)
                let steps = try args.int(3, default: 100), loss = try args.loss(4)
                guard steps >= 0, steps <= 100_000_000 else { throw args.error("`steps` must be between 0 and 100000000") }
                var losses: [Value] = []
                do {
                    for _ in 0..<steps {
                        if Cancellation.isRequested { break }
                        layer.zeroGradients()
                        let (value, g) = try loss.evaluate(try layer.forward(x), t)
                        _ = try layer.backward(g)
                        try opt.step(layer.parameters)
                        losses.append(.float(value))
                    }
                } catch let e as IsingError { throw args.error(e.message) }
                return .list(losses)
            }
        default: return nil
        }
    }
}

/// An optimizer as a language value.
final class OptimizerValue: NativeValue {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }

    override var typeName: String { "Optimizer" }
    override var summary: String { optimizer.description }
    override var memberNames: [String] { ["step", "steps", "lr"] }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "steps": return .int(optimizer.steps)
        case "lr":
            if let s = optimizer as? SGD { return .float(s.schedule.rate(at: s.steps)) }
            if let a = optimizer as? Adam { return .float(a.schedule.rate(at: a.steps)) }
            return nil
        case "step":
            return method(name, [.required("network")], "Updates a network's parameters from their accumulated gradients.") { args in
                guard case .object(let n as NetworkValue) = args.value(0) else {
                    throw args.error("`network` must be a network, got \(args.value(0).typeName)")
                }
                do { try self.optimizer.step(n.layer.parameters) } catch let e as IsingError { throw args.error(e.message) }
                return .null
            }
        default: return nil
        }
    }
}

/// A learning-rate schedule as a language value.
final class LearningRateValue: NativeValue {
    let schedule: LearningRate
    init(_ schedule: LearningRate) { self.schedule = schedule }

    override var typeName: String { "LearningRate" }
    override var summary: String { schedule.description }
    override var memberNames: [String] { ["rate"] }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        guard name == "rate" else { return nil }
        return method(name, [.required("step")], "The learning rate at a step (0, 1, 2, ...).") { args in
            let k = try args.int(0)
            guard k >= 0 else { throw args.error("`step` must not be negative") }
            return .float(self.schedule.rate(at: k))
        }
    }
}

extension Arguments {
    /// A learning rate: a positive number or a schedule.
    func schedule(_ i: Int, default d: Double) throws -> LearningRate {
        if case .object(let s as LearningRateValue) = value(i) { return s.schedule }
        let lr = try double(i, default: d)
        guard lr > 0, lr.isFinite else {
            throw error("`\(name(i))` must be a positive number or a schedule, got \(ValueFormatter.float(lr))",
                        hint: "for example lr: 0.01, or lr: linear_decay(0.005, 0.0005, 1000)")
        }
        return .constant(lr)
    }

    /// An optimizer argument.
    func optimizer(_ i: Int) throws -> Optimizer {
        guard case .object(let o as OptimizerValue) = value(i) else {
            throw error("`\(name(i))` must be an optimizer, got \(value(i).typeName)", hint: "sgd(lr: 0.1) or adam(lr: 0.001)")
        }
        return o.optimizer
    }

    /// A loss name.
    func loss(_ i: Int) throws -> Loss {
        let s = try string(i, default: "mse")
        guard let l = Loss(rawValue: s) else { throw error("`\(name(i))` must be \"mse\" or \"cross_entropy\", got \"\(s)\"") }
        return l
    }

    /// A layer: a network value, or one of the activation builtins given by name (tanh, relu, ...).
    func layer(_ v: Value, position k: Int) throws -> Layer {
        switch v {
        case .object(let n as NetworkValue): return n.layer
        case .builtin(let b):
            switch b.name {
            case "sigmoid": return Activation(.sigmoid)
            case "tanh": return Activation(.tanh)
            case "relu": return Activation(.relu)
            case "softmax": return Activation(.softmax)
            case "leaky_relu": return Activation(.leakyRelu(0.01))
            default: break
            }
        default: break
        }
        throw error("item \(k) of the chain must be a layer, got \(v.typeName)", hint: "layers are dense(in, out), sigmoid, tanh, relu, leaky_relu(a), softmax, chain(...)")
    }
}
