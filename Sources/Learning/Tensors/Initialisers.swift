import IsingCore

extension Tensor {
    /// Standard normal values (times `scale`), reproducible from the seed.
    public static func randn(_ shape: [Int], seed: UInt64, scale: Double = 1, dtype: DType = .float64) throws -> Tensor {
        let n = try count(of: shape)
        var rng = Xoshiro256(seed: seed)
        return Tensor(unchecked: shape, (0..<n).map { _ in scale * rng.nextGaussian() }, dtype: dtype)
    }

    /// Uniform values in [low, high), reproducible from the seed.
    public static func rand(_ shape: [Int], seed: UInt64, low: Double = 0, high: Double = 1, dtype: DType = .float64) throws -> Tensor {
        let n = try count(of: shape)
        var rng = Xoshiro256(seed: seed)
        return Tensor(unchecked: shape, (0..<n).map { _ in low + (high - low) * rng.nextDouble() }, dtype: dtype)
    }

    /// The n×n identity matrix.
    public static func identity(_ n: Int, dtype: DType = .float64) throws -> Tensor {
        var t = try Tensor(shape: [n, n], repeating: 0, dtype: dtype)
        for i in 0..<n { t.data[i * n + i] = 1 }
        return t
    }

    /// The tensor with element `i` (row-major) set to `v`; `i` must be in range.
    public func setting(_ i: Int, _ v: Double) -> Tensor {
        var t = self
        t.data[i] = dtype.rounded(v)
        return t
    }

    /// Replaces the values (same count) keeping shape and type.
    public func withData(_ values: [Double]) -> Tensor {
        Tensor(unchecked: shape, values, dtype: dtype)
    }
}
