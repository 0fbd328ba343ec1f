import IsingCore

/// The element type of a tensor. Float32 tensors keep every value rounded to single
/// precision and multiply with `sgemm`; float64 ones use `dgemm`.
public enum DType: String, Sendable {
    case float32, float64

    /// The value as this type stores it.
    @inline(__always)
    public func rounded(_ x: Double) -> Double { self == .float32 ? Double(Float(x)) : x }

    /// The wider of two types (mixing float32 and float64 gives float64).
    public static func common(_ a: DType, _ b: DType) -> DType { a == .float64 || b == .float64 ? .float64 : .float32 }
}

/// A dense n-dimensional array of numbers in row-major (C) order.
public struct Tensor: Sendable, Equatable {
    /// The extent of each axis; `[]` for a scalar.
    public internal(set) var shape: [Int]
    /// The values in row-major order.
    public internal(set) var data: [Double]
    /// The element type.
    public internal(set) var dtype: DType

    /// The largest number of elements a tensor may hold.
    public static let maxCount = 100_000_000

    /// A tensor of the given shape holding `data`; the count must match the shape.
    public init(shape: [Int], data: [Double], dtype: DType = .float64) throws {
        let n = try Tensor.count(of: shape)
        guard n == data.count else {
            throw IsingError("shape \(Tensor.describe(shape)) needs \(n) values, got \(data.count)")
        }
        self.shape = shape
        self.dtype = dtype
        self.data = dtype == .float32 ? data.map { Double(Float($0)) } : data
    }

    /// A tensor whose shape is known to match its data (internal use after checks).
    init(unchecked shape: [Int], _ data: [Double], dtype: DType) {
        self.shape = shape
        self.dtype = dtype
        self.data = dtype == .float32 ? data.map { Double(Float($0)) } : data
    }

    /// A tensor of the given shape filled with one value.
    public init(shape: [Int], repeating value: Double, dtype: DType = .float64) throws {
        let n = try Tensor.count(of: shape)
        self.init(unchecked: shape, [Double](repeating: value, count: n), dtype: dtype)
    }

    /// A vector.
    public init(vector: [Double], dtype: DType = .float64) {
        self.init(unchecked: [vector.count], vector, dtype: dtype)
    }

    /// A matrix from row-major values.
    public init(rows: Int, cols: Int, _ data: [Double], dtype: DType = .float64) throws {
        try self.init(shape: [rows, cols], data: data, dtype: dtype)
    }

    /// The number of elements of a shape, checked for negative extents and overflow.
    public static func count(of shape: [Int]) throws -> Int {
        var n = 1
        for d in shape {
            guard d >= 0 else { throw IsingError("tensor extents must not be negative: \(describe(shape))") }
            let (m, o) = n.multipliedReportingOverflow(by: d)
            guard !o, m <= maxCount else { throw IsingError("a tensor of shape \(describe(shape)) would be too large") }
            n = m
        }
        return n
    }

    /// A shape as text: `(3, 4)`, `(5,)`, `()`.
    public static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Number of axes.
    public var rank: Int { shape.count }
    /// Number of elements.
    public var count: Int { data.count }
    /// Rows of a matrix (the first extent).
    public var rows: Int { shape.first ?? 1 }
    /// Columns of a matrix (the last extent).
    public var cols: Int { shape.last ?? 1 }
    /// The shape as text.
    public var shapeText: String { Tensor.describe(shape) }

    /// The same values as another element type.
    public func converted(to t: DType) -> Tensor {
        t == dtype ? self : Tensor(unchecked: shape, data, dtype: t)
    }

    /// The tensor with each value replaced by `f(value)`.
    public func map(_ f: (Double) -> Double) -> Tensor {
        Tensor(unchecked: shape, data.map(f), dtype: dtype)
    }

    /// The same values in a new shape; one extent may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        guard unknown.count <= 1 else { throw IsingError("only one extent of a reshape may be -1, got \(Tensor.describe(newShape))") }
        if let k = unknown.first {
            var known = newShape
            known[k] = 1
            let rest = try Tensor.count(of: known)
            guard rest > 0, count % rest == 0 else {
                throw IsingError("cannot reshape a tensor of shape \(shapeText) into \(Tensor.describe(newShape))")
            }
            target[k] = count / rest
        }
        guard try Tensor.count(of: target) == count else {
            throw IsingError("cannot reshape a tensor of shape \(shapeText) (\(count) values) into \(Tensor.describe(newShape))")
        }
        return Tensor(unchecked: target, data, dtype: dtype)
    }

    /// The transpose: axes in reverse order (a vector stays as it is).
    public var transposed: Tensor {
        guard rank >= 2 else { return self }
        if rank == 2 {
            let r = shape[0], c = shape[1]
            var out = [Double](repeating: 0, count: count)
            data.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<r { for j in 0..<c { dst[j * r + i] = src[i * c + j] } }
                }
            }
            return Tensor(unchecked: [c, r], out, dtype: dtype)
        }
        let newShape = Array(shape.reversed())
        let oldStrides = Tensor.strides(shape)
        let newStrides = Tensor.strides(newShape)
        var out = [Double](repeating: 0, count: count)
        for flat in 0..<count {
            var rem = flat, src = 0
            for a in 0..<rank {
                let idx = rem / newStrides[a]
                rem -= idx * newStrides[a]
                src += idx * oldStrides[rank - 1 - a]
            }
            out[flat] = data[src]
        }
        return Tensor(unchecked: newShape, out, dtype: dtype)
    }

    /// Row-major strides of a shape.
    public static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for a in stride(from: shape.count - 1, through: 0, by: -1) { s[a] = acc; acc &*= max(shape[a], 1) }
        return s
    }

    /// Values as nested arrays: a number for a scalar, rows of rows otherwise.
    public func nested<T>(leaf: (Double) -> T, list: ([T]) -> T) -> T {
        func build(_ axis: Int, _ offset: Int) -> T {
            if axis == rank { return leaf(data[offset]) }
            let stride = Tensor.strides(shape)[axis]
            return list((0..<shape[axis]).map { build(axis + 1, offset + $0 * stride) })
        }
        return build(0, 0)
    }

    /// The values of row `i` of a matrix.
    public func row(_ i: Int) -> ArraySlice<Double> {
        let c = cols
        return data[(i * c)..<((i + 1) * c)]
    }
}
