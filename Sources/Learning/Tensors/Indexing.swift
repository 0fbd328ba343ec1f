import IsingCore

/// One index along an axis: a position, or a half-open range of positions with a step.
public enum TensorIndex: Sendable {
    case at(Int)
    case range(lower: Int, upper: Int, step: Int)
    /// The whole axis.
    case all
    /// The listed positions, in order (repeats allowed).
    case list([Int])
}

extension Tensor {
    /// The sub-tensor selected by one index per leading axis (fewer than `rank` keeps the
    /// remaining axes). Negative positions count from the end; `.at` removes its axis.
    public func indexed(_ indices: [TensorIndex]) throws -> Tensor {
        guard indices.count <= rank else {
            throw IsingError("\(indices.count) indices for a tensor of shape \(shapeText)")
        }
        var picks: [[Int]] = []
        var keep: [Bool] = []
        for (axis, index) in indices.enumerated() {
            let n = shape[axis]
            switch index {
            case .at(let i):
                let j = i < 0 ? i + n : i
                guard j >= 0, j < n else {
                    throw IsingError("index \(i) is out of range for axis \(axis) of a tensor of shape \(shapeText)")
                }
                picks.append([j]); keep.append(false)
            case .range(let lo, let hi, let step):
                guard step != 0 else { throw IsingError("a slice step must not be 0") }
                let l = Swift.max(0, Swift.min(n, lo < 0 ? lo + n : lo))
                let h = Swift.max(0, Swift.min(n, hi < 0 ? hi + n : hi))
                picks.append(step > 0 ? Array(stride(from: l, to: h, by: step)) : Array(stride(from: h - 1, through: l, by: step)))
                keep.append(true)
            case .all:
                picks.append(Array(0..<n)); keep.append(true)
            case .list(let positions):
                var chosen: [Int] = []
                chosen.reserveCapacity(positions.count)
                for i in positions {
                    let j = i < 0 ? i + n : i
                    guard j >= 0, j < n else {
                        throw IsingError("index \(i) is out of range for axis \(axis) of a tensor of shape \(shapeText)")
                    }
                    chosen.append(j)
                }
                picks.append(chosen); keep.append(true)
            }
        }
        for axis in indices.count..<rank { picks.append(Array(0..<shape[axis])); keep.append(true) }
        let st = Tensor.strides(shape)
        var out: [Double] = []
        out.reserveCapacity(picks.reduce(1) { $0 * $1.count })
        func walk(_ axis: Int, _ offset: Int) {
            if axis == rank { out.append(data[offset]); return }
            if axis == rank - 1 && st[axis] == 1, let f = picks[axis].first, let l = picks[axis].last,
               picks[axis].count == l - f + 1 {
                out.append(contentsOf: data[(offset + f)...(offset + l)])
                return
            }
            for p in picks[axis] { walk(axis + 1, offset + p * st[axis]) }
        }
        if picks.allSatisfy({ !$0.isEmpty }) { walk(0, 0) }
        var newShape: [Int] = []
        for axis in 0..<rank where keep[axis] { newShape.append(picks[axis].count) }
        return Tensor(unchecked: newShape, out, dtype: dtype)
    }

    /// The single value at a full multi-index.
    public func value(at indices: [Int]) throws -> Double {
        let t = try indexed(indices.map { .at($0) })
        guard t.rank == 0, let v = t.data.first else {
            throw IsingError("\(indices.count) indices for a tensor of shape \(shapeText) select a tensor, not a number")
        }
        return v
    }

    /// Rows `lo..<hi` of a matrix (or any tensor along its first axis), without copying checks.
    public func rowSlice(_ lo: Int, _ hi: Int) -> Tensor {
        let inner = shape.dropFirst().reduce(1, *)
        var s = shape
        if !s.isEmpty { s[0] = hi - lo }
        return Tensor(unchecked: s, Array(data[(lo * inner)..<(hi * inner)]), dtype: dtype)
    }

    /// Stacks equally shaped tensors along a new first axis.
    public static func stack(_ items: [Tensor]) throws -> Tensor {
        guard let first = items.first else { throw IsingError("cannot stack an empty list of tensors") }
        var data: [Double] = []
        data.reserveCapacity(first.count * items.count)
        var dtype = first.dtype
        for (k, t) in items.enumerated() {
            guard t.shape == first.shape else {
                throw IsingError("item \(k) has shape \(t.shapeText) but item 0 has \(first.shapeText)")
            }
            dtype = DType.common(dtype, t.dtype)
            data.append(contentsOf: t.data)
        }
        return try Tensor(shape: [items.count] + first.shape, data: data, dtype: dtype)
    }
}

extension Tensor {
    /// Tensors joined along an existing axis; every other extent must agree.
    public static func concatenate(_ items: [Tensor], axis: Int) throws -> Tensor {
        guard let first = items.first else { throw IsingError("cannot join an empty list of tensors") }
        guard first.rank >= 1 else { throw IsingError("cannot join 0-D tensors") }
        let a = axis < 0 ? axis + first.rank : axis
        guard a >= 0, a < first.rank else { throw IsingError("axis \(axis) is out of range for shape \(first.shapeText)") }
        var dtype = first.dtype
        var extent = 0
        for (k, t) in items.enumerated() {
            var s1 = t.shape, s0 = first.shape
            guard s1.count == s0.count else { throw IsingError("item \(k) has shape \(t.shapeText) but item 0 has \(first.shapeText)") }
            s1[a] = 0; s0[a] = 0
            guard s1 == s0 else { throw IsingError("item \(k) has shape \(t.shapeText) but item 0 has \(first.shapeText) (they may differ only along axis \(a))") }
            extent += t.shape[a]
            dtype = DType.common(dtype, t.dtype)
        }
        var shape = first.shape
        shape[a] = extent
        let outer = first.shape[..<a].reduce(1, *)
        var data: [Double] = []
        data.reserveCapacity(try count(of: shape))
        for o in 0..<outer {
            for t in items {
                let block = t.shape[a...].reduce(1, *)
                data.append(contentsOf: t.data[(o * block)..<((o + 1) * block)])
            }
        }
        return try Tensor(shape: shape, data: data, dtype: dtype)
    }
}
