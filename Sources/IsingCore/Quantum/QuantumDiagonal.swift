import Foundation

/// The diagonal of exp(−βH) for H = diag(E) − Γ Σ_i σx_i on n ≤ 12 spins, by a Chebyshev
/// expansion.
///
/// With the spectrum inside [λ_lo, λ_hi] (λ_lo just below the ground energy E_0, found by
/// Lanczos; λ_hi from Gershgorin's bound max E + nΓ), write H = c + r H̃ with H̃'s
/// spectrum in [−1, 1] and x = βr. Then
///
///     exp(−βH) = exp(−β λ_lo) · Σ_k w_k (−1)^k T_k(H̃),   w_0 = e^−x I_0(x), w_k = 2 e^−x I_k(x)
///
/// (I_k the modified Bessel functions, computed scaled by Miller's backward recurrence and
/// normalised by Σ w_k = 1). The series converges once k passes x + a few √x. Diagonal
/// elements of T_k use the doubling identities T_2m = 2 T_m² − 1 and
/// T_2m−1 = 2 T_m T_m−1 − T_1, so ⟨z|T_k|z⟩ up to k = K needs only K/2 products of H̃ with
/// the basis vectors, 8 basis vectors at a time in SIMD lanes. Because λ_lo is within a
/// hair of E_0 the largest weight is about 1, and the weights are accurate to about 1e-15
/// of it.
struct QuantumDiagonal {
    /// exp(−β(H − reference))_zz for every basis state z (bit i set when spin i is +1).
    let weights: [Double]
    /// λ_lo, the energy the weights are relative to.
    let reference: Double
    /// The lowest eigenvalue of H.
    let groundEnergy: Double
    /// Chebyshev terms used.
    let terms: Int

    init(energies e: [Double], spins n: Int, gamma: Double, beta: Double, threads: Int) throws {
        let dim = e.count
        let operatorH = TransverseOperator(energies: e, spins: n, gamma: gamma)
        let e0 = operatorH.lowestEigenvalue()
        let top = (e.max() ?? 0) + Double(n) * gamma
        let bottomBound = (e.min() ?? 0) - Double(n) * gamma
        let width = max(top - e0, 1e-12)
        let low = max(e0 - 1e-3 * width - 1e-12, bottomBound)
        let c = (top + low) / 2, r = (top - low) / 2
        let x = beta * r
        let w = try scaledBesselWeights(x)
        let count = w.count
        let out = SharedBuffer<Double>(repeating: 0, count: dim)
        let blocks = (dim + 7) / 8
        try forEachRead(blocks, threads: threads) { b in
            let s = operatorH.chebyshevDiagonal(block: b, center: c, radius: r, weights: w)
            for lane in 0..<8 where b * 8 + lane < dim { out.pointer[b * 8 + lane] = s[lane] }
        }
        weights = out.array
        reference = low
        groundEnergy = e0
        terms = count
    }
}

/// e^−x I_k(x) · (k == 0 ? 1 : 2) for k = 0, 1, ... until the terms fall below 1e-18;
/// these weights sum to 1.
func scaledBesselWeights(_ x: Double) throws -> [Double] {
    guard x.isFinite, x >= 0 else { throw IsingError("exact_quantum: β times the spectral width is not finite (\(x))") }
    if x < 1e-300 { return [1] }
    guard x <= 390_000 else {
        throw IsingError("exact_quantum: β times the spectral width (\(x)) is too large for the expansion; lower beta")
    }
    let top = Int(x + 12 * x.squareRoot() + 40)
    // Backward recurrence I_{k−1} = I_{k+1} + (2k / x) I_k from an arbitrary small start.
    var v = [Double](repeating: 0, count: top + 2)
    v[top] = 1e-300
    var k = top
    while k > 0 {
        v[k - 1] = v[k + 1] + (2 * Double(k) / x) * v[k]
        if v[k - 1] > 1e250 {
            for j in (k - 1)...top { v[j] *= 1e-250 }
        }
        k -= 1
    }
    var norm = v[0]
    for j in 1...top { norm += 2 * v[j] }
    var w = [Double](repeating: 0, count: top + 1)
    w[0] = v[0] / norm
    for j in 1...top { w[j] = 2 * v[j] / norm }
    var last = top
    while last > 0 && w[last] < 1e-18 { last -= 1 }
    return Array(w[0...last])
}

/// H = diag(E) − Γ Σ σx as an operator on vectors indexed by basis state.
struct TransverseOperator: Sendable {
    let energies: [Double]
    let spins: Int
    let gamma: Double

    init(energies: [Double], spins: Int, gamma: Double) {
        self.energies = energies; self.spins = spins; self.gamma = gamma
    }

    /// y = H v.
    func apply(_ v: [Double], into y: inout [Double]) {
        for z in 0..<energies.count {
            var flips = 0.0
            for i in 0..<spins { flips += v[z ^ (1 << i)] }
            y[z] = energies[z] * v[z] - gamma * flips
        }
    }

    /// The lowest eigenvalue, by Lanczos with full reorthogonalisation from a fixed start
    /// vector, run until the lowest Ritz value has settled (or the Krylov space is whole).
    func lowestEigenvalue() -> Double {
        let dim = energies.count
        guard dim > 1 else { return energies.first ?? 0 }
        var g = Xoshiro256(seed: 0x5EED_1A2C)
        var q = (0..<dim).map { _ in g.nextDouble() + 0.5 }
        var norm = q.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for z in 0..<dim { q[z] /= norm }
        var basis: [[Double]] = [q]
        var alpha: [Double] = [], offDiagonal: [Double] = []
        var y = [Double](repeating: 0, count: dim)
        var previous = Double.infinity
        let maxSteps = min(dim, 300)
        for step in 0..<maxSteps {
            apply(basis[step], into: &y)
            var a = 0.0
            for z in 0..<dim { a += y[z] * basis[step][z] }
            alpha.append(a)
            // Full reorthogonalisation (twice) against every basis vector.
            for _ in 0..<2 {
                for v in basis {
                    var d = 0.0
                    for z in 0..<dim { d += y[z] * v[z] }
                    for z in 0..<dim { y[z] -= d * v[z] }
                }
            }
            norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let theta = lowestTridiagonalEigenvalue(alpha, offDiagonal)
            let scale = max(abs(theta), 1)
            if norm < 1e-12 * scale { return theta }
            if step % 5 == 4 {
                if abs(previous - theta) < 1e-13 * scale { return theta }
                previous = theta
            }
            offDiagonal.append(norm)
            basis.append(y.map { $0 / norm })
        }
        return lowestTridiagonalEigenvalue(alpha, Array(offDiagonal.prefix(max(alpha.count - 1, 0))))
    }

    /// Diag(Σ_k w_k (−1)^k T_k(H̃))_zz for the 8 basis states 8b ..< 8b + 8, H̃ = (H − c) / r.
    func chebyshevDiagonal(block b: Int, center c: Double, radius r: Double, weights w: [Double]) -> SIMD8<Double> {
        let dim = energies.count, n = spins
        let scaled = energies.map { ($0 - c) / r }
        let g = gamma / r
        // Two buffers of dim rows × 8 lanes: V_{m−1} and V_m.
        var older = [SIMD8<Double>](repeating: .zero, count: dim)
        var newer = [SIMD8<Double>](repeating: .zero, count: dim)
        var mu1 = SIMD8<Double>.zero
        for lane in 0..<8 where b * 8 + lane < dim {
            older[b * 8 + lane][lane] = 1
            mu1[lane] = scaled[b * 8 + lane]
        }
        // newer = H̃ older
        older.withUnsafeBufferPointer { o in
            newer.withUnsafeMutableBufferPointer { nw in
                for z in 0..<dim {
                    var flips = SIMD8<Double>.zero
                    for i in 0..<n { flips += o[z ^ (1 << i)] }
                    nw[z] = scaled[z] * o[z] - g * flips
                }
            }
        }
        let count = w.count
        // Σ_k w_k (−1)^k μ_k with μ_0 = 1; the loop adds μ_2m−1 and μ_2m for m = 1, 2, ...
        var total = SIMD8<Double>(repeating: w[0])
        var m = 1
        while 2 * m - 1 < count {
            var cross = SIMD8<Double>.zero, square = SIMD8<Double>.zero
            older.withUnsafeBufferPointer { o in
                newer.withUnsafeBufferPointer { nw in
                    for z in 0..<dim {
                        cross += nw[z] * o[z]
                        square += nw[z] * nw[z]
                    }
                }
            }
            let odd = 2 * m - 1, even = 2 * m
            // (−1)^odd = −1, (−1)^even = +1
            total -= w[odd] * (2 * cross - mu1)
            if even < count { total += w[even] * (2 * square - 1) }
            if even + 1 >= count { break }
            // older ← 2 H̃ newer − older, then swap so newer is V_{m+1}.
            newer.withUnsafeBufferPointer { nw in
                older.withUnsafeMutableBufferPointer { o in
                    for z in 0..<dim {
                        var flips = SIMD8<Double>.zero
                        for i in 0..<n { flips += nw[z ^ (1 << i)] }
                        o[z] = 2 * (scaled[z] * nw[z] - g * flips) - o[z]
                    }
                }
            }
            swap(&older, &newer)
            m += 1
        }
        return total
    }
}

/// The smallest eigenvalue of the symmetric tridiagonal matrix with diagonal `d` and
/// off-diagonal `e` (e.count = d.count − 1 or less), by bisection on Sturm counts.
func lowestTridiagonalEigenvalue(_ d: [Double], _ e: [Double]) -> Double {
    let k = d.count
    guard k > 0 else { return 0 }
    var lo = Double.infinity, hi = -Double.infinity
    for i in 0..<k {
        let left = i > 0 && i - 1 < e.count ? abs(e[i - 1]) : 0
        let right = i < e.count ? abs(e[i]) : 0
        lo = min(lo, d[i] - left - right)
        hi = max(hi, d[i] + left + right)
    }
    /// How many eigenvalues are below x.
    func below(_ x: Double) -> Int {
        var count = 0
        var q = 1.0
        for i in 0..<k {
            let off = i > 0 && i - 1 < e.count ? e[i - 1] : 0
            q = d[i] - x - (i > 0 ? off * off / q : 0)
            if q == 0 { q = 1e-300 }
            if q < 0 { count += 1 }
        }
        return count
    }
    for _ in 0..<200 {
        let mid = (lo + hi) / 2
        if mid <= lo || mid >= hi { break }
        if below(mid) >= 1 { hi = mid } else { lo = mid }
    }
    return (lo + hi) / 2
}
