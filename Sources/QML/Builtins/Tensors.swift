import Foundation
import IsingCore
import Learning

extension BuiltinRegistry {
    /// Re-registers the builtin `name` with new parameters and doc: `body` handles the new
    /// cases and returns nil to hand the call to the original, whose arguments `forward`
    /// builds from the new ones (by default the same list).
    mutating func extend(_ name: String, _ parameters: [BuiltinParameter]? = nil, topic: String? = nil, doc: (String) -> String,
                         forward: ((Arguments) throws -> [Value?])? = nil,
                         _ body: @escaping (inout Arguments) throws -> Value?) {
        guard let original = builtins.last(where: { $0.name == name }) else { return }
        add(name, parameters ?? original.parameters, topic: topic ?? original.topic, doc: doc(original.doc)) { args in
            if let v = try body(&args) { return v }
            var inner = Arguments(values: try forward?(args) ?? args.values, builtin: original, interpreter: args.interpreter)
            return try original.body(&inner)
        }
    }

    /// Dense tensors on BLAS.
    static func registerTensors(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, _ body: () throws -> Tensor) throws -> Value {
            do { return .object(TensorValue(try body())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("tensor", [.required("values"), .optional("dtype", "\"float64\"")], topic: "tensors", doc: """
            A dense tensor from nested lists of numbers (or a number, or another tensor), as float64 or float32.
            Tensors support + - * / ^ elementwise with broadcasting, @ (matrix product through BLAS), t[i], t[1..<3],
            t[(i, j)], t[(nil, j)], .T, .shape, .sum(axis:), .mean, .max, .argmax, .reshape, .to_list(), .save("t.npy").
            let a = tensor([[1, 2], [3, 4]])
            a @ a.T + 1        # tensor([[6.0, 12.0], [12.0, 26.0]])
            """) { args in
            let dtype = try args.dtype(1)
            return .object(TensorValue(try args.tensor(0, dtype: dtype)))
        }
        func filled(_ name: String, _ value: Double, _ what: String) {
            r.add(name, [.variadic("shape"), .optional("dtype", "\"float64\"")], topic: "tensors", doc: """
                A tensor of the given shape filled with \(what).
                \(name)(3, 4)      \(name)((3, 4), dtype: "float32")
                """) { args in
                let shape = try args.shape(0), dtype = try args.dtype(1)
                guard !shape.isEmpty else { throw args.error("give the shape, e.g. \(name)(3, 4)") }
                return try make(args) { try Tensor(shape: shape, repeating: value, dtype: dtype) }
            }
        }
        filled("zeros", 0, "zeros")
        filled("ones", 1, "ones")
        r.add("eye", [.required("n"), .optional("dtype", "\"float64\"")], topic: "tensors", doc: """
            The n x n identity matrix.
            """) { args in
            let n = try args.int(0), dtype = try args.dtype(1)
            return try make(args) { try Tensor.identity(n, dtype: dtype) }
        }
        r.add("randn", [.variadic("shape"), .optional("seed", "0"), .optional("scale", "1.0"), .optional("dtype", "\"float64\"")], topic: "tensors", doc: """
            A tensor of standard normal values (times `scale`), the same for the same seed.
            randn(3, 4, seed: 1)
            """) { args in
            let shape = try args.shape(0), seed = try args.int(1, default: 0), scale = try args.double(2, default: 1)
            let dtype = try args.dtype(3)
            guard !shape.isEmpty else { throw args.error("give the shape, e.g. randn(3, 4, seed: 1)") }
            args.interpreter.noteSeed(seed)
            return try make(args) { try Tensor.randn(shape, seed: UInt64(bitPattern: Int64(seed)), scale: scale, dtype: dtype) }
        }
        r.extend("rand", doc: { original in
            original + "\nWith a shape tuple, a tensor of uniform values in [0, 1): rand((3, 4), seed: 1)."
        }) { args in
            guard case .tuple = args.value(0) else { return nil }
            let shape = try args.shape(0)
            guard !shape.isEmpty else { throw args.error("give the shape, e.g. rand((3, 4), seed: 1)") }
            let seed = try args.int(1, default: 0)
            args.interpreter.noteSeed(seed)
            return try make(args) { try Tensor.rand(shape, seed: UInt64(bitPattern: Int64(seed))) }
        }
        r.add("load_tensor", [.required("path"), .optional("dtype")], topic: "tensors", doc: """
            Reads a NumPy .npy file (1-D or 2-D) as a tensor, float32 files as float32 unless `dtype:` says otherwise.
            let w = load_tensor("weights.npy")
            """) { args in
            do {
                let a = try Npy.load(try args.string(0))
                var dtype: DType = .float64
                if case .float32 = a.storage { dtype = .float32 }
                if args.has(1) { dtype = try args.dtype(1) }
                return .object(TensorValue(try Tensor(shape: a.shape, data: a.values, dtype: dtype)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.extend("save", doc: { $0 + "\nTensors: .npy (1-D or 2-D, in their own element type)." }) { args in
            guard case .object(let t as TensorValue) = args.value(0) else { return nil }
            try TensorValue.save(t.tensor, try args.string(1), args)
            return .null
        }
        r.add("stack", [.required("items")], topic: "tensors", doc: """
            Equally shaped tensors (or lists) stacked along a new first axis.
            stack([tensor([1, 2]), tensor([3, 4])]).shape   # (2, 2)
            """) { args in
            let items = try args.sequence(0)
            let tensors = try items.map { try TensorValue.tensor(from: $0, dtype: .float64) }
            return try make(args) { try Tensor.stack(tensors) }
        }
        r.add("concat", [.required("items"), .optional("axis", "0")], topic: "tensors", doc: """
            Tensors joined along an existing axis (their other extents must agree).
            concat([pixels, labels], axis: 1)   # the label block appended to every row
            """) { args in
            let tensors = try args.sequence(0).map { try TensorValue.tensor(from: $0, dtype: .float64) }
            let axis = try args.int(1, default: 0)
            return try make(args) { try Tensor.concatenate(tensors, axis: axis) }
        }
    }
}

extension Arguments {
    /// For math builtins: the result of applying `name` to a tensor argument, or nil when
    /// the argument is not a tensor. `variadic` unwraps a one-element argument list.
    func tensorMath(_ name: String, variadic: Bool = false) throws -> Value? {
        var v = value(0)
        if variadic, case .list(let xs) = v, xs.count == 1 { v = xs[0] }
        guard case .object(let o as TensorValue) = v else { return nil }
        let t = o.tensor
        func each(_ f: (Double) -> Double) -> Value { .object(TensorValue(t.map(f))) }
        switch name {
        case "sqrt": return each { $0.squareRoot() }
        case "exp": return each { Foundation.exp($0) }
        case "log": return each { Foundation.log($0) }
        case "sin": return each { Foundation.sin($0) }
        case "cos": return each { Foundation.cos($0) }
        case "tan": return each { Foundation.tan($0) }
        case "tanh": return each { Foundation.tanh($0) }
        case "atan": return each { Foundation.atan($0) }
        case "abs": return each { Swift.abs($0) }
        case "sign": return each { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0 == 0 ? 0 : $0)) }
        case "sum", "mean", "max", "min":
            do { return TensorValue.wrap(try t.reduce(Reduction(rawValue: name) ?? .sum)) } catch let e as IsingError { throw error(e.message) }
        default: throw error("\(name) does not apply to tensors")
        }
    }
}
