import IsingCore

extension Tensor {
    /// The shape two shapes broadcast to (NumPy's rules: align the last axes; an extent
    /// of 1 stretches), or an error naming both shapes.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for k in 0..<n {
            let x = k < n - a.count ? 1 : a[k - (n - a.count)]
            let y = k < n - b.count ? 1 : b[k - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw IsingError("shapes \(describe(a)) and \(describe(b)) do not broadcast (axis \(k): \(x) vs \(y))")
            }
            out[k] = x == 1 ? y : x
        }
        return out
    }

    /// Applies `f` elementwise to two tensors, broadcasting their shapes.
    public static func zip(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) throws -> Tensor {
        let dtype = DType.common(a.dtype, b.dtype)
        if a.shape == b.shape {
            var out = [Double](repeating: 0, count: a.count)
            a.data.withUnsafeBufferPointer { x in
                b.data.withUnsafeBufferPointer { y in
                    out.withUnsafeMutableBufferPointer { o in
                        for i in 0..<o.count { o[i] = f(x[i], y[i]) }
                    }
                }
            }
            return Tensor(unchecked: a.shape, out, dtype: dtype)
        }
        if b.count == 1 && b.rank <= a.rank {
            let s = b.data[0]
            return Tensor(unchecked: a.shape, a.data.map { f($0, s) }, dtype: dtype)
        }
        if a.count == 1 && a.rank <= b.rank {
            let s = a.data[0]
            return Tensor(unchecked: b.shape, b.data.map { f(s, $0) }, dtype: dtype)
        }
        let shape = try broadcastShape(a.shape, b.shape)
        let n = try Tensor.count(of: shape)
        // A row vector against a matrix (the bias case) is common: handle it directly.
        if a.rank == 2, b.rank == 1, a.shape == shape {
            let c = a.cols
            var out = [Double](repeating: 0, count: n)
            for i in 0..<a.rows { for j in 0..<c { out[i * c + j] = f(a.data[i * c + j], b.data[j]) } }
            return Tensor(unchecked: shape, out, dtype: dtype)
        }
        let sa = broadcastStrides(a.shape, to: shape)
        let sb = broadcastStrides(b.shape, to: shape)
        var out = [Double](repeating: 0, count: n)
        var index = [Int](repeating: 0, count: shape.count)
        var ia = 0, ib = 0
        for flat in 0..<n {
            out[flat] = f(a.data[ia], b.data[ib])
            // Advance the multi-index like an odometer, updating both source offsets.
            var k = shape.count - 1
            while k >= 0 {
                index[k] += 1
                ia += sa[k]; ib += sb[k]
                if index[k] < shape[k] { break }
                ia -= sa[k] * shape[k]; ib -= sb[k] * shape[k]
                index[k] = 0
                k -= 1
            }
        }
        return Tensor(unchecked: shape, out, dtype: dtype)
    }

    /// Strides for reading a tensor of `shape` as if it had the broadcast shape `target`
    /// (0 along stretched and missing axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let lead = target.count - shape.count
        return target.indices.map { k in
            k < lead ? 0 : (shape[k - lead] == 1 ? 0 : own[k - lead])
        }
    }

    /// Applies `f` with a scalar on the right.
    public func scalar(_ s: Double, _ f: (Double, Double) -> Double) -> Tensor {
        Tensor(unchecked: shape, data.map { f($0, s) }, dtype: dtype)
    }

    /// Applies `f` with a scalar on the left.
    public func scalarLeft(_ s: Double, _ f: (Double, Double) -> Double) -> Tensor {
        Tensor(unchecked: shape, data.map { f(s, $0) }, dtype: dtype)
    }
}
