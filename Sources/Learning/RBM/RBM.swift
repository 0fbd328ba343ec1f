import Foundation
import IsingCore

/// The values a unit of a Boltzmann machine takes: Bernoulli {0, 1} or spin {-1, +1}.
public enum UnitKind: String, Sendable {
    case bernoulli, spin

    /// E[unit] given its total input a.
    @inline(__always)
    public func mean(_ a: Float) -> Float {
        self == .bernoulli ? 1 / (1 + expf(-a)) : tanhf(a)
    }

    /// A sample of the unit given its input and a uniform number u in [0, 1).
    @inline(__always)
    public func sample(_ a: Float, _ u: Float) -> Float {
        if self == .bernoulli { return u * (1 + expf(-a)) < 1 ? 1 : 0 }
        return u * (1 + expf(-2 * a)) < 1 ? 1 : -1
    }

    /// log Σ_x e^{a x} over the unit's values: softplus(a) or log(2 cosh a).
    @inline(__always)
    public func logPartition(_ a: Double) -> Double {
        if self == .bernoulli { return a > 0 ? a + log1p(exp(-a)) : log1p(exp(a)) }
        let m = abs(a)
        return m + log1p(exp(-2 * m))
    }

    /// The unit's values, low first.
    public var values: (Float, Float) { self == .bernoulli ? (0, 1) : (-1, 1) }
}

/// A restricted Boltzmann machine: visible units v, hidden units h and the energy
///
///     E(v, h) = -bᵀv - cᵀh - vᵀ W h,   p(v, h) = e^{-E(v, h)} / Z
///
/// Parameters are single precision (all batch work is `sgemm`); exact quantities are
/// computed in double precision. W is stored row-major as visible × hidden.
public final class RBM: @unchecked Sendable {
    public let visible: Int
    public let hidden: Int
    public let units: UnitKind
    /// The trailing visible units that form a one-hot class label (0 when none).
    public let labels: Int
    public var weights: [Float]
    public var visibleBias: [Float]
    public var hiddenBias: [Float]

    /// The largest layer size allowed (keeps every product within Int32 for BLAS).
    public static let maxUnits = 1_000_000

    /// A machine with small random weights (normal, σ = `scale`) and zero biases.
    public init(visible: Int, hidden: Int, units: UnitKind = .bernoulli, labels: Int = 0, seed: UInt64, scale: Double = 0.01) throws {
        guard visible >= 1, hidden >= 1, visible <= RBM.maxUnits, hidden <= RBM.maxUnits else {
            throw IsingError("an RBM needs between 1 and \(RBM.maxUnits) visible and hidden units, got (\(visible), \(hidden))")
        }
        let (n, o) = visible.multipliedReportingOverflow(by: hidden)
        guard !o, n <= 100_000_000 else { throw IsingError("an RBM of \(visible) × \(hidden) units has too many weights") }
        guard labels >= 0, labels < visible else { throw IsingError("`labels` must be between 0 and visible - 1, got \(labels)") }
        guard scale >= 0, scale.isFinite else { throw IsingError("the weight scale must be a non-negative number") }
        self.visible = visible
        self.hidden = hidden
        self.units = units
        self.labels = labels
        var rng = Xoshiro256(seed: seed)
        weights = (0..<n).map { _ in Float(scale * rng.nextGaussian()) }
        visibleBias = [Float](repeating: 0, count: visible)
        hiddenBias = [Float](repeating: 0, count: hidden)
    }

    /// A copy with its own parameters.
    public func copy() -> RBM {
        let m = RBM(visible: visible, hidden: hidden, units: units, labels: labels,
                    weights: weights, visibleBias: visibleBias, hiddenBias: hiddenBias)
        return m
    }

    /// A machine with given parameters (sizes must agree).
    public init(visible: Int, hidden: Int, units: UnitKind, labels: Int, weights: [Float], visibleBias: [Float], hiddenBias: [Float]) {
        self.visible = visible; self.hidden = hidden; self.units = units; self.labels = labels
        self.weights = weights; self.visibleBias = visibleBias; self.hiddenBias = hiddenBias
    }

    /// The pixel (non-label) visible units.
    public var features: Int { visible - labels }

    /// Checks that `data` holds whole rows of `width` values and returns the row count.
    func rows(of data: [Float], width: Int, what: String = "data") throws -> Int {
        guard width > 0, data.count % width == 0 else {
            throw IsingError("\(what) holds \(data.count) values, not whole rows of \(width)")
        }
        return data.count / width
    }

    /// The hidden inputs V W + c for a batch of visible rows.
    public func hiddenInput(_ v: [Float], rows: Int) -> [Float] {
        RBM.affine(v, rows: rows, inner: visible, weights: weights, transposed: false, bias: hiddenBias)
    }

    /// The visible inputs H Wᵀ + b for a batch of hidden rows.
    public func visibleInput(_ h: [Float], rows: Int) -> [Float] {
        RBM.affine(h, rows: rows, inner: hidden, weights: weights, transposed: true, bias: visibleBias)
    }

    /// X · W (or X · Wᵀ) + bias for `rows` rows of `inner` values: one sgemm onto the
    /// broadcast bias.
    static func affine(_ x: [Float], rows: Int, inner: Int, weights: [Float], transposed: Bool, bias: [Float]) -> [Float] {
        let width = bias.count
        var out = [Float](unsafeUninitializedCapacity: rows * width) { buffer, count in
            bias.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    (buffer.baseAddress! + r * width).initialize(from: b.baseAddress!, count: width)
                }
            }
            count = rows * width
        }
        if rows == 0 || width == 0 { return out }
        Gemm.single(m: Int32(rows), n: Int32(width), k: Int32(inner), a: x, transA: false,
                    b: weights, transB: transposed, beta: 1, c: &out)
        return out
    }

    /// E[h | v] for each row: the hidden features.
    public func hiddenMeans(_ v: [Float]) throws -> [Float] {
        let n = try rows(of: v, width: visible)
        return hiddenInput(v, rows: n).map(units.mean)
    }

    /// E[v | h] for each row.
    public func visibleMeans(_ h: [Float]) throws -> [Float] {
        let n = try rows(of: h, width: hidden, what: "hidden states")
        return visibleInput(h, rows: n).map(units.mean)
    }

    /// E[v | h = E[h | v]]: one deterministic up-and-down pass.
    public func reconstruct(_ v: [Float]) throws -> [Float] {
        try visibleMeans(try hiddenMeans(v))
    }

    /// The free energy F(v) = -bᵀv - Σ_j log Σ_h e^{h (c_j + (vW)_j)} of each row, so p(v) = e^{-F(v)} / Z.
    /// Computed in double precision (dgemm), as exact log-likelihoods need.
    public func freeEnergy(_ v: [Float]) throws -> [Double] {
        let n = try rows(of: v, width: visible)
        guard n > 0 else { return [] }
        var a = [Double](repeating: 0, count: n * hidden)
        for r in 0..<n { for j in 0..<hidden { a[r * hidden + j] = Double(hiddenBias[j]) } }
        Gemm.double(m: Int32(n), n: Int32(hidden), k: Int32(visible), a: v.map(Double.init), transA: false,
                    b: weights.map(Double.init), transB: false, beta: 1, c: &a)
        return (0..<n).map { r in
            var f = 0.0
            for i in 0..<visible { f -= Double(visibleBias[i]) * Double(v[r * visible + i]) }
            for j in 0..<hidden { f -= units.logPartition(a[r * hidden + j]) }
            return f
        }
    }

    /// The energy of one joint state.
    public func energy(visible v: [Float], hidden h: [Float]) -> Double {
        var e = 0.0
        for i in 0..<visible { e -= Double(visibleBias[i]) * Double(v[i]) }
        for j in 0..<hidden { e -= Double(hiddenBias[j]) * Double(h[j]) }
        for i in 0..<visible where v[i] != 0 {
            for j in 0..<hidden { e -= Double(v[i]) * Double(weights[i * hidden + j]) * Double(h[j]) }
        }
        return e
    }

    /// Block Gibbs sampling: `sweeps` rounds of h ~ p(h|v), v ~ p(v|h) from the given
    /// visible rows (or random ones), returning the final visible rows.
    public func gibbs(from start: [Float]?, chains: Int, sweeps: Int, rng: inout Xoshiro256) throws -> [Float] {
        guard chains >= 0, sweeps >= 0 else { throw IsingError("chains and sweeps must not be negative") }
        var v: [Float]
        if let start {
            guard start.count == chains * visible else { throw IsingError("starting states hold \(start.count) values, expected \(chains * visible)") }
            v = start
        } else {
            let (lo, hi) = units.values
            v = (0..<(chains * visible)).map { _ in rng.nextDouble() < 0.5 ? lo : hi }
        }
        for _ in 0..<sweeps {
            if Cancellation.isRequested { throw CancelledError() }
            let h = sampleLayer(hiddenInput(v, rows: chains), &rng)
            v = sampleLayer(visibleInput(h, rows: chains), &rng)
        }
        return v
    }

    /// Samples every unit of a layer from its inputs.
    func sampleLayer(_ a: [Float], _ rng: inout Xoshiro256) -> [Float] {
        var means = a
        return RBM.sample(inputs: &means, units: units, &rng)
    }

    /// Turns inputs into unit means in place and returns a sample of every unit: one
    /// exponential per unit and one 64-bit random number per two units.
    static func sample(inputs a: inout [Float], units: UnitKind, _ rng: inout Xoshiro256) -> [Float] {
        let n = a.count
        return [Float](unsafeUninitializedCapacity: n) { out, count in
            a.withUnsafeMutableBufferPointer { p in
                let (lo, hi) = units.values
                let bernoulli = units == .bernoulli
                @inline(__always) func unit(_ j: Int, _ u: Float) {
                    let m: Float, q: Float
                    if bernoulli {
                        m = 1 / (1 + expf(-p[j])); q = m
                    } else {
                        m = tanhf(p[j]); q = (1 + m) / 2
                    }
                    p[j] = m
                    out[j] = u < q ? hi : lo
                }
                var k = 0
                while k + 1 < n {
                    let bits = rng.next()
                    unit(k, Float(bits >> 40) * 0x1.0p-24)
                    unit(k + 1, Float((bits >> 16) & 0xFF_FFFF) * 0x1.0p-24)
                    k += 2
                }
                if k < n { unit(k, Float(rng.next() >> 40) * 0x1.0p-24) }
            }
            count = n
        }
    }
}
