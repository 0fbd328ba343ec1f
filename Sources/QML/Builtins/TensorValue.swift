import Display
import Foundation
import IsingCore
import Learning

/// A tensor as a language value: elementwise arithmetic, `@`, indexing and slicing,
/// reductions, and a heat map of a matrix.
final class TensorValue: NativeValue, FigureSource {
    let tensor: Tensor
    init(_ tensor: Tensor) { self.tensor = tensor }

    override var typeName: String { "Tensor" }

    /// A number as a short text: 6 significant digits, integers as `2.0`.
    static func number(_ d: Double) -> String { BuiltinRegistry.compactNumber(d) }

    override var summary: String {
        let t = tensor
        let kind = t.dtype == .float32 ? ", float32" : ""
        if t.count <= 24 {
            let body = t.nested(leaf: { TensorValue.number($0) }, list: { "[" + $0.joined(separator: ", ") + "]" })
            return "tensor(\(body)\(kind))"
        }
        let lo = t.data.min() ?? 0, hi = t.data.max() ?? 0
        let mean = t.data.reduce(0, +) / Double(t.count)
        return "Tensor(\(t.shapeText)\(kind), mean \(TensorValue.number(mean)), range [\(TensorValue.number(lo)), \(TensorValue.number(hi))])"
    }

    /// Up to 12 rows and 8 columns of a matrix in aligned columns, with the shape above.
    override var display: String {
        let t = tensor
        guard t.rank == 2, t.count > 24 else { return summary }
        let rows = t.shape[0], cols = t.shape[1]
        let shownRows = rows <= 12 ? Array(0..<rows) : Array(0..<6) + Array((rows - 6)..<rows)
        let shownCols = cols <= 8 ? Array(0..<cols) : Array(0..<4) + Array((cols - 4)..<cols)
        let cells = shownRows.map { r in shownCols.map { c in String(format: "%.4g", t.data[r * cols + c]) } }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 1
        var lines = ["Tensor \(t.shapeText) \(t.dtype.rawValue)"]
        for (k, row) in cells.enumerated() {
            if rows > 12 && k == 6 { lines.append("  ...") }
            var parts = row.map { String(repeating: " ", count: width - $0.count) + $0 }
            if cols > 8 { parts.insert("...", at: 4) }
            lines.append("  " + parts.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    override var length: Int? { tensor.rank == 0 ? nil : tensor.shape[0] }

    override func isEqual(to other: NativeValue) -> Bool {
        guard let o = other as? TensorValue else { return false }
        return o.tensor.shape == tensor.shape && o.tensor.data == tensor.data
    }

    override func elements(interpreter: Interpreter) throws -> [Value]? {
        guard tensor.rank >= 1 else { return nil }
        return try (0..<tensor.shape[0]).map { TensorValue.wrap(try tensor.indexed([.at($0)])) }
    }

    /// A tensor result as a value: rank-0 tensors become numbers.
    static func wrap(_ t: Tensor) -> Value {
        if t.rank == 0, let x = t.data.first { return .float(x) }
        return .object(TensorValue(t))
    }

    /// Runs native tensor code, turning its errors into diagnostics.
    static func run(_ body: () throws -> Tensor) throws -> Value {
        do { return wrap(try body()) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
    }

    override func binaryOperation(_ op: String, _ other: Value, selfOnLeft: Bool, interpreter: Interpreter) throws -> Value? {
        let f: (Double, Double) -> Double
        switch op {
        case "+": f = (+)
        case "-": f = (-)
        case "*": f = (*)
        case "/": f = (/)
        case "^": f = { Foundation.pow($0, $1) }
        case "@":
            guard let o = try TensorValue.operand(other) else { return nil }
            return try TensorValue.run { selfOnLeft ? try Tensor.matmul(tensor, o) : try Tensor.matmul(o, tensor) }
        default: return nil
        }
        if let s = other.asDouble, other.typeName != "bool" {
            return .object(TensorValue(selfOnLeft ? tensor.scalar(s, f) : tensor.scalarLeft(s, f)))
        }
        guard let o = try TensorValue.operand(other) else { return nil }
        return try TensorValue.run { selfOnLeft ? try Tensor.zip(tensor, o, f) : try Tensor.zip(o, tensor, f) }
    }

    /// The other operand of an operator as a tensor (tensors and nested lists of numbers).
    static func operand(_ v: Value) throws -> Tensor? {
        switch v {
        case .object(let o as TensorValue): return o.tensor
        case .list, .tuple:
            do { return try tensor(from: v, dtype: .float64) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
        default: return nil
        }
    }

    override func negated(interpreter: Interpreter) throws -> Value? { .object(TensorValue(tensor.map { -$0 })) }

    override func subscripted(_ index: Value, interpreter: Interpreter) throws -> Value? {
        let parts: [Value]
        if case .tuple(let items) = index { parts = items } else { parts = [index] }
        var indices: [TensorIndex] = []
        for p in parts {
            switch p {
            case .int(let i): indices.append(.at(i))
            case .float(let d) where d.rounded() == d && Swift.abs(d) < 1e15: indices.append(.at(Int(d)))
            case .range(let r):
                // Bounds beyond any extent are clamped first, so no arithmetic here can overflow.
                let limit = 1 << 40
                let lower = Swift.max(-limit, Swift.min(limit, r.lower)), top = Swift.max(-limit, Swift.min(limit, r.upper))
                let upper = r.inclusive ? (r.step > 0 ? top + 1 : top - 1) : top
                if r.step > 0 { indices.append(.range(lower: lower, upper: upper, step: r.step)) }
                else { indices.append(.range(lower: upper + 1, upper: lower + 1, step: r.step)) }
            case .null: indices.append(.all)
            case .list(let items):
                indices.append(.list(try items.map { item -> Int in
                    guard let d = item.asDouble, d.rounded() == d, Swift.abs(d) < 1e15, item.typeName != "bool" else {
                        throw Diagnostic.runtime("a list index must hold integers, found \(item.typeName)", at: nil)
                    }
                    return Int(d)
                }))
            default:
                throw Diagnostic.runtime("a tensor is indexed by integers, ranges, lists of integers, nil (a whole axis) or a tuple of them, got \(p.typeName)", at: nil,
                                         hint: "t[0], t[1..<3], t[[3, 0, 2]], t[(0, 2)], t[(nil, 1)] for column 1")
            }
        }
        return try TensorValue.run { try tensor.indexed(indices) }
    }

    override var memberNames: [String] {
        ["shape", "T", "dtype", "rank", "size", "sum", "mean", "max", "min", "argmax", "argmin", "reshape", "flatten",
         "to_list", "item", "astype", "map", "clip", "column", "save"]
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let t = tensor
        switch name {
        case "shape": return .tuple(t.shape.map { .int($0) })
        case "T": return .object(TensorValue(t.transposed))
        case "dtype": return .str(t.dtype.rawValue)
        case "rank": return .int(t.rank)
        case "size": return .int(t.count)
        case "sum", "mean", "max", "min", "argmax", "argmin":
            let kind = Reduction(rawValue: name) ?? .sum
            return method(name, [.optional("axis", "nil")], "The \(name) of all elements, or along `axis` (negative counts from the end).") { args in
                let axis = args.has(0) ? try args.int(0) : nil
                let r = try TensorValue.run { try t.reduce(kind, axis: axis) }
                if (kind == .argmax || kind == .argmin), case .float(let d) = r { return .int(Int(d)) }
                return r
            }
        case "reshape":
            return method(name, [.variadic("shape")], "The same values in a new shape; one extent may be -1.") { args in
                let shape = try args.shape(0)
                return try TensorValue.run { try t.reshaped(shape) }
            }
        case "flatten":
            return method(name, [], "The values as a vector.") { _ in .object(TensorValue(Tensor(vector: t.data, dtype: t.dtype))) }
        case "to_list":
            return method(name, [], "The values as nested lists of floats (a number for a 0-D tensor).") { _ in
                t.nested(leaf: { .float($0) }, list: { .list($0) })
            }
        case "item":
            return method(name, [], "The only value of a one-element tensor, as a float.") { args in
                guard t.count == 1, let x = t.data.first else { throw args.error("item() needs a tensor with one value, this one has shape \(t.shapeText)") }
                return .float(x)
            }
        case "astype":
            return method(name, [.required("dtype")], "The values as \"float32\" or \"float64\".") { args in
                .object(TensorValue(t.converted(to: try args.dtype(0))))
            }
        case "map":
            return method(name, [.required("f")], "The tensor with f applied to every value.") { args in
                let f = try args.function(0)
                var out = [Double]()
                out.reserveCapacity(t.count)
                for x in t.data {
                    guard let y = try args.interpreter.call(f, [.float(x)]).asDouble else { throw args.error("`f` must return numbers") }
                    out.append(y)
                }
                return .object(TensorValue(t.withData(out)))
            }
        case "clip":
            return method(name, [.required("low"), .required("high")], "Every value limited to [low, high].") { args in
                let lo = try args.double(0), hi = try args.double(1)
                guard lo <= hi else { throw args.error("`low` must not be above `high`") }
                return .object(TensorValue(t.map { Swift.min(hi, Swift.max(lo, $0)) }))
            }
        case "column":
            return method(name, [.required("j")], "Column j of a matrix, as a vector.") { args in
                guard t.rank == 2 else { throw args.error("column() needs a matrix, this tensor has shape \(t.shapeText)") }
                let j = try args.int(0)
                return try TensorValue.run { try t.indexed([.all, .at(j)]) }
            }
        case "save":
            return method(name, [.required("path")], "Writes the tensor as a NumPy .npy file (1-D or 2-D).") { args in
                try TensorValue.save(t, try args.string(0), args)
                return .null
            }
        default: return nil
        }
    }

    /// Writes a tensor as .npy in its own element type.
    static func save(_ t: Tensor, _ path: String, _ args: Arguments) throws {
        guard path.lowercased().hasSuffix(".npy") else { throw args.error("a tensor is saved as .npy, not \(path)") }
        do {
            let storage: NpyArray.Storage = t.dtype == .float32 ? .float32(t.data.map(Float.init)) : .float64(t.data)
            let shape = t.rank == 0 ? [1] : t.shape
            try Npy.save(try NpyArray(shape: shape, storage: storage), to: path)
        } catch let e as IsingError { throw args.error(e.message) }
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        guard builtin == "heatmap" else { return nil }
        let t = tensor
        guard t.rank == 2 || t.rank == 1, t.count > 0 else {
            throw args.error("heatmap needs a vector or a matrix, this tensor has shape \(t.shapeText)")
        }
        let rows = t.rank == 2 ? t.shape[0] : 1
        return .heatmap(Heatmap(rows: rows, cols: t.cols, values: t.data, title: args.has(1) ? try args.string(1) : nil,
                                diverging: args.has(2) ? try args.bool(2) : nil))
    }

    /// A tensor from numbers, nested lists/tuples/ranges of numbers, or a tensor.
    static func tensor(from v: Value, dtype: DType) throws -> Tensor {
        if case .object(let o as TensorValue) = v { return o.tensor.converted(to: dtype) }
        if let x = v.asDouble, v.typeName != "bool" { return try Tensor(shape: [], data: [x], dtype: dtype) }
        var shape: [Int] = []
        var probe = v
        while let items = try probe.iterated(), !(probe.asString != nil) {
            shape.append(items.count)
            guard let first = items.first else { break }
            if case .object(let o as TensorValue) = first { shape += o.tensor.shape; break }
            probe = first
        }
        guard !shape.isEmpty else { throw IsingError("a tensor is made from numbers or nested lists of numbers, got \(v.typeName)") }
        var data: [Double] = []
        data.reserveCapacity(try Tensor.count(of: shape))
        func fill(_ x: Value, _ axis: Int, _ path: String) throws {
            if axis == shape.count {
                guard let d = x.asDouble, x.typeName != "bool" else { throw IsingError("element \(path) must be a number, got \(x.typeName)") }
                data.append(d)
                return
            }
            if case .object(let o as TensorValue) = x {
                guard Array(shape[axis...]) == o.tensor.shape else {
                    throw IsingError("element \(path) has shape \(o.tensor.shapeText), expected \(Tensor.describe(Array(shape[axis...])))")
                }
                data.append(contentsOf: o.tensor.data)
                return
            }
            guard let items = try x.iterated(), x.asString == nil else {
                throw IsingError("element \(path) must be a list of \(shape[axis]) values, got \(x.typeName)")
            }
            guard items.count == shape[axis] else {
                throw IsingError("element \(path) has \(items.count) values but the first at that depth has \(shape[axis])")
            }
            for (k, item) in items.enumerated() { try fill(item, axis + 1, path.isEmpty ? "[\(k)]" : path + "[\(k)]") }
        }
        try fill(v, 0, "")
        return try Tensor(shape: shape, data: data, dtype: dtype)
    }
}

extension Arguments {
    /// A tensor argument: a tensor, a number, or nested lists of numbers.
    func tensor(_ i: Int, dtype: DType? = nil) throws -> Tensor {
        if case .object(let o as TensorValue) = value(i) { return dtype.map { o.tensor.converted(to: $0) } ?? o.tensor }
        var v = value(i)
        // Other native values with elements (a data set's rows, ...) are read as their list.
        if case .object(let o) = v, let items = try o.elements(interpreter: interpreter) { v = .list(items) }
        do { return try TensorValue.tensor(from: v, dtype: dtype ?? .float64) }
        catch let e as IsingError { throw error("`\(name(i))`: \(e.message)") }
    }

    /// "float32" or "float64".
    func dtype(_ i: Int, default d: DType = .float64) throws -> DType {
        guard has(i) else { return d }
        let s = try string(i)
        guard let t = DType(rawValue: s) else { throw error("`\(name(i))` must be \"float32\" or \"float64\", got \"\(s)\"") }
        return t
    }

    /// A shape: integers given as separate arguments (a variadic list) or one list/tuple.
    func shape(_ i: Int) throws -> [Int] {
        var items = try list(i)
        if items.count == 1, case .tuple(let inner) = items[0] { items = inner }
        else if items.count == 1, case .list(let inner) = items[0] { items = inner }
        return try items.map { v in
            switch v {
            case .int(let n): return n
            case .float(let d) where d.rounded() == d && Swift.abs(d) < 1e15: return Int(d)
            default: throw error("a shape is made of integers, got \(v.typeName)")
            }
        }
    }
}
