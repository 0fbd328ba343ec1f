import CBLAS

/// Thin, safe entry points into the system BLAS used by the learning code.
public enum BLAS {
    /// The dot product of two equally long vectors (BLAS `ddot`); nil when the lengths differ.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, let n = Int32(exactly: x.count) else { return nil }
        return x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                cblas_ddot(n, xs.baseAddress, 1, ys.baseAddress, 1)
            }
        }
    }
}
