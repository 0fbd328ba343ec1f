import CBLAS
import IsingCore

extension Tensor {
    /// The matrix product `a @ b` through BLAS: matrix·matrix (gemm), matrix·vector and
    /// vector·matrix (gemv), vector·vector (dot). Shape errors name both shapes.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank >= 1, a.rank <= 2, b.rank >= 1, b.rank <= 2 else {
            throw IsingError("@ needs vectors or matrices, got shapes \(a.shapeText) and \(b.shapeText)")
        }
        let dtype = DType.common(a.dtype, b.dtype)
        let m = a.rank == 2 ? a.shape[0] : 1
        let k = a.rank == 2 ? a.shape[1] : a.shape[0]
        let k2 = b.shape[0]
        let n = b.rank == 2 ? b.shape[1] : 1
        guard k == k2 else {
            throw IsingError("shapes \(a.shapeText) and \(b.shapeText) do not match for @ (\(k) vs \(k2))")
        }
        let out = try product(a.data, b.data, m: m, k: k, n: n, dtype: dtype)
        var shape: [Int] = []
        if a.rank == 2 { shape.append(m) }
        if b.rank == 2 { shape.append(n) }
        return Tensor(unchecked: shape, out, dtype: dtype)
    }

    /// C = A (m×k) · B (k×n), row-major, in the given precision.
    static func product(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int, dtype: DType) throws -> [Double] {
        _ = try Tensor.count(of: [m, n])
        guard let mi = Int32(exactly: m), let ki = Int32(exactly: k), let ni = Int32(exactly: n) else {
            throw IsingError("matrix too large for BLAS")
        }
        if m == 0 || n == 0 { return [] }
        if k == 0 { return [Double](repeating: 0, count: m * n) }
        if dtype == .float32 {
            let af = a.map(Float.init), bf = b.map(Float.init)
            var c = [Float](repeating: 0, count: m * n)
            Gemm.single(m: mi, n: ni, k: ki, a: af, transA: false, b: bf, transB: false, c: &c)
            return c.map(Double.init)
        }
        var c = [Double](repeating: 0, count: m * n)
        Gemm.double(m: mi, n: ni, k: ki, a: a, transA: false, b: b, transB: false, c: &c)
        return c
    }
}

/// Row-major general matrix products through BLAS. The caller guarantees the sizes;
/// `op(A)` is m×k and `op(B)` is k×n, and C (m×n) is overwritten with α·op(A)·op(B) + β·C.
public enum Gemm {
    /// Single-precision product (`sgemm`).
    public static func single(m: Int32, n: Int32, k: Int32, alpha: Float = 1, a: UnsafePointer<Float>, transA: Bool,
                              b: UnsafePointer<Float>, transB: Bool, beta: Float = 0, c: UnsafeMutablePointer<Float>) {
        let lda = transA ? m : k, ldb = transB ? k : n
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    m, n, k, alpha, a, max(lda, 1), b, max(ldb, 1), beta, c, max(n, 1))
    }

    /// Double-precision product (`dgemm`).
    public static func double(m: Int32, n: Int32, k: Int32, alpha: Double = 1, a: UnsafePointer<Double>, transA: Bool,
                              b: UnsafePointer<Double>, transB: Bool, beta: Double = 0, c: UnsafeMutablePointer<Double>) {
        let lda = transA ? m : k, ldb = transB ? k : n
        if n == 1 && !transB {
            // Matrix times vector: gemv is faster than a one-column gemm.
            cblas_dgemv(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transA ? k : m, transA ? m : k,
                        alpha, a, max(lda, 1), b, 1, beta, c, 1)
            return
        }
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    m, n, k, alpha, a, max(lda, 1), b, max(ldb, 1), beta, c, max(n, 1))
    }
}
