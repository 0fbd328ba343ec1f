import Foundation

/// Weights in consecutive bins.
public struct Histogram: Sendable, Equatable {
    /// The bin boundaries, increasing: bin k is [edges[k], edges[k + 1]).
    public var edges: [Double]
    /// The weight (number of reads, or of pairs of reads) in each bin.
    public var counts: [Double]

    /// A histogram from its edges (one more than the bins) and bin weights.
    public init(edges: [Double], counts: [Double]) { self.edges = edges; self.counts = counts }

    /// The middle of each bin.
    public var centers: [Double] { counts.indices.map { (edges[$0] + edges[$0 + 1]) / 2 } }
    /// The total weight.
    public var total: Double { counts.reduce(0, +) }
    /// The weights divided by the total (zeros when empty).
    public var probabilities: [Double] {
        let t = total
        return counts.map { t > 0 ? $0 / t : 0 }
    }
}

/// Quantities computed from samples: overlaps, histograms, the Binder cumulant,
/// autocorrelation times, and distances to the exact Boltzmann distribution. States are
/// read as spins: in a binary sample set, 0 counts as −1 and 1 as +1.
public enum Observables {
    /// The overlap q(a, b) = (1/n) Σ_i a_i b_i of two spin states of the same length n > 0.
    public static func overlap<A: Collection, B: Collection>(_ a: A, _ b: B) throws -> Double
    where A.Element == Int8, B.Element == Int8 {
        guard a.count == b.count, !a.isEmpty else {
            throw IsingError("overlap needs two states of the same, nonzero length (got \(a.count) and \(b.count))")
        }
        var total = 0
        for (x, y) in zip(a, b) { total += (x > 0) == (y > 0) ? 1 : -1 }
        return Double(total) / Double(a.count)
    }

    /// The replica-overlap distribution P(q): the histogram of q(a, b) over all pairs of
    /// distinct reads (a read with count c contributes c(c − 1)/2 pairs with itself at
    /// q = 1). There is one bin per attainable value q = −1 + 2k/n, centred on it. Sample
    /// sets of more than `maxReads` reads use their first `maxReads` reads (reads are
    /// independent, so this is a random subset).
    public static func overlapDistribution(_ s: SampleSet, maxReads: Int = 10_000) throws -> Histogram {
        let n = s.variables.count
        guard n > 0 else { throw IsingError("the overlap distribution needs at least one variable") }
        guard maxReads >= 2 else { throw IsingError("maxReads must be at least 2, got \(maxReads)") }
        // rows as bit sets (bit set = spin +1), with their counts, up to maxReads reads
        let words = (n + 63) / 64
        var bits: [UInt64] = []
        var weight: [Double] = []
        var used = 0
        for r in 0..<s.size where used < maxReads {
            let c = min(s.counts[r], maxReads - used)
            guard c > 0 else { continue }
            used += c
            var row = [UInt64](repeating: 0, count: words)
            for i in 0..<n where s.states[r * n + i] > 0 { row[i / 64] |= 1 << UInt64(i % 64) }
            bits.append(contentsOf: row)
            weight.append(Double(c))
        }
        guard used >= 2 else { throw IsingError("the overlap distribution needs at least 2 reads, got \(used)") }
        var counts = [Double](repeating: 0, count: n + 1)  // by number of differing spins
        let rows = weight.count
        for a in 0..<rows {
            counts[0] += weight[a] * (weight[a] - 1) / 2
            for b in (a + 1)..<max(rows, a + 1) {
                var differ = 0
                for w in 0..<words { differ += (bits[a * words + w] ^ bits[b * words + w]).nonzeroBitCount }
                counts[differ] += weight[a] * weight[b]
            }
        }
        // q = 1 − 2d/n, increasing q means decreasing d
        let values = (0...n).map { 1 - 2 * Double(n - $0) / Double(n) }
        let half = 1 / Double(n)
        var edges = values.map { $0 - half }
        edges.append(1 + half)
        return Histogram(edges: edges, counts: (0...n).map { counts[n - $0] })
    }

    /// The energy histogram of a sample set over `bins` equal bins from the lowest to the
    /// highest energy, weighted by counts.
    public static func energyHistogram(_ s: SampleSet, bins: Int = 20) throws -> Histogram {
        guard bins >= 1 else { throw IsingError("bins must be at least 1, got \(bins)") }
        guard let lo = s.energies.min(), let hi = s.energies.max() else {
            throw IsingError("the energy histogram needs at least one sample")
        }
        guard lo.isFinite, hi.isFinite else { throw IsingError("the energies are not all finite") }
        let (a, b) = lo == hi ? (lo - 0.5, hi + 0.5) : (lo, hi)
        let width = (b - a) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for r in 0..<s.size {
            let k = min(max(Int((s.energies[r] - a) / width), 0), bins - 1)
            counts[k] += Double(s.counts[r])
        }
        var edges = (0..<bins).map { a + width * Double($0) }
        edges.append(b)
        return Histogram(edges: edges, counts: counts)
    }

    /// The magnetisation per spin m = (1/n) Σ_i s_i of each row.
    public static func magnetizationPerSpin(_ s: SampleSet) -> [Double] {
        let n = s.variables.count
        guard n > 0 else { return [Double](repeating: 0, count: s.size) }
        return (0..<s.size).map { r in
            var t = 0
            for i in 0..<n { t += s.states[r * n + i] > 0 ? 1 : -1 }
            return Double(t) / Double(n)
        }
    }

    /// The Binder cumulant U = 1 − ⟨m⁴⟩ / (3⟨m²⟩²) of the magnetisation per spin over
    /// the reads (weighted by counts): 2/3 deep in an ordered phase, 0 for Gaussian
    /// fluctuations in a disordered one.
    public static func binderCumulant(_ s: SampleSet) throws -> Double {
        let m = magnetizationPerSpin(s)
        var m2 = 0.0, m4 = 0.0, total = 0.0
        for (r, x) in m.enumerated() {
            let w = Double(s.counts[r])
            m2 += w * x * x
            m4 += w * x * x * x * x
            total += w
        }
        guard total > 0 else { throw IsingError("the Binder cumulant needs at least one read") }
        m2 /= total; m4 /= total
        guard m2 > 0 else { throw IsingError("the Binder cumulant is undefined when every read has zero magnetisation") }
        return 1 - m4 / (3 * m2 * m2)
    }

    /// The normalised autocorrelation ρ(t) = C(t)/C(0) of a series for lags 0...maxLag,
    /// with C(t) = (1/N) Σ_i (x_i − x̄)(x_{i+t} − x̄). NaN for a constant series.
    public static func autocorrelation(_ x: [Double], maxLag: Int) throws -> [Double] {
        guard x.count >= 2 else { throw IsingError("autocorrelation needs at least 2 values, got \(x.count)") }
        guard maxLag >= 0 else { throw IsingError("maxLag must not be negative, got \(maxLag)") }
        let lags = min(maxLag, x.count - 1)
        let c = autocovarianceSums(x)
        guard c[0] > 0 else { return [Double](repeating: .nan, count: lags + 1) }
        return (0...lags).map { c[$0] / c[0] }
    }

    /// The integrated autocorrelation time τ = 1 + 2 Σ_{t=1}^{M} ρ(t) (so τ = 1 for
    /// independent values) with Sokal's automatic window: M is the smallest lag with
    /// M ≥ c·τ(M). When no window qualifies (a series shorter than about c·τ), the value
    /// at the longest lag is returned and is an underestimate. NaN for a constant series.
    public static func integratedAutocorrelationTime(_ x: [Double], window c: Double = 5) throws -> Double {
        guard x.count >= 2 else { throw IsingError("an autocorrelation time needs at least 2 values, got \(x.count)") }
        guard c.isFinite, c > 0 else { throw IsingError("the window factor must be a positive number, got \(c)") }
        let sums = autocovarianceSums(x)
        guard sums[0] > 0 else { return .nan }
        var tau = 1.0
        for t in 1..<x.count {
            tau += 2 * sums[t] / sums[0]
            if Double(t) >= c * tau { return tau }
        }
        return tau
    }

    /// The effective sample size N / τ of a series (τ the integrated autocorrelation time).
    public static func effectiveSampleSize(_ x: [Double], window c: Double = 5) throws -> Double {
        let tau = try integratedAutocorrelationTime(x, window: c)
        return Double(x.count) / max(tau, 1e-300)
    }

    /// KL(empirical ‖ exact) = Σ_s p̂(s) log(p̂(s) / p(s)) over the distinct states of a
    /// sample set, with p(s) = exp(−β E(s) − log Z) from an exact summary of the same
    /// model (the rows' energies are used).
    public static func klDivergence(_ s: SampleSet, exact: ExactSummary) throws -> Double {
        var d = 0.0
        for (p, e, row) in try empirical(s) where p > 0 {
            d += p * (log(p) - exact.logProbability(of: row, energy: e))
        }
        return max(d, 0)
    }

    /// The total-variation distance ½ Σ_s |p̂(s) − p(s)| between a sample set's empirical
    /// distribution and the exact one (states never sampled count with their whole p).
    public static func totalVariation(_ s: SampleSet, exact: ExactSummary) throws -> Double {
        var sum = 0.0, covered = 0.0
        for (p, e, row) in try empirical(s) {
            let q = exp(exact.logProbability(of: row, energy: e))
            sum += abs(p - q)
            covered += q
        }
        return 0.5 * (sum + max(0, 1 - covered))
    }

    /// The largest model `klDivergence(_:model:beta:)` and `totalVariation(_:model:beta:)` enumerate.
    public static let maxExactVariables = 24

    /// KL(empirical ‖ Boltzmann) for `model` at `beta`, enumerated exactly (n ≤ 24). The
    /// sample set must be over the model's variables (in any order); energies are
    /// recomputed in the model.
    public static func klDivergence(_ s: SampleSet, model: BinaryQuadraticModel, beta: Double, threads: Int = 1) throws -> Double {
        let (rows, exact) = try reference(s, model: model, beta: beta, threads: threads)
        return try klDivergence(rows, exact: exact)
    }

    /// The total-variation distance to the Boltzmann distribution of `model` at `beta`
    /// (n ≤ 24, enumerated exactly).
    public static func totalVariation(_ s: SampleSet, model: BinaryQuadraticModel, beta: Double, threads: Int = 1) throws -> Double {
        let (rows, exact) = try reference(s, model: model, beta: beta, threads: threads)
        return try totalVariation(rows, exact: exact)
    }

    /// (probability, energy, state) of each distinct state of a sample set.
    private static func empirical(_ s: SampleSet) throws -> [(Double, Double, ArraySlice<Int8>)] {
        let agg = s.aggregated()
        let total = Double(agg.reads)
        guard total > 0 else { throw IsingError("the sample set has no reads") }
        return (0..<agg.size).map { (Double(agg.counts[$0]) / total, agg.energies[$0], agg.state($0)) }
    }

    /// The sample set with its rows re-expressed over `model` (energies recomputed), and
    /// the model's exact summary at β.
    private static func reference(_ s: SampleSet, model: BinaryQuadraticModel, beta: Double,
                                  threads: Int) throws -> (SampleSet, ExactSummary) {
        let n = model.count
        guard n <= maxExactVariables else {
            throw IsingError("exact comparison is limited to \(maxExactVariables) variables; this model has \(n)")
        }
        guard s.variables.count == n, Set(s.variables) == Set(model.variables) else {
            throw IsingError("the samples are over different variables than the model")
        }
        let column = try model.variables.map { v -> Int in
            guard let k = s.variables.firstIndex(of: v) else { throw IsingError("the samples have no variable \(v)") }
            return k
        }
        let (lo, hi) = model.vartype.values
        var states: [Int8] = []
        states.reserveCapacity(s.size * n)
        var energies: [Double] = []
        for r in 0..<s.size {
            let row = column.map { s.states[r * n + $0] > 0 ? hi : lo }
            states.append(contentsOf: row)
            energies.append(model.energy(row))
        }
        let exact = try ExactSolver(beta: beta).summary(of: model.spinModel(), threads: threads)
        let rows = SampleSet(variables: model.variables, vartype: model.vartype, states: states, energies: energies,
                             counts: s.counts)
        return (rows, exact)
    }

    /// Σ_i d_i d_{i+t} for every lag t of the centred series d = x − x̄: directly for short
    /// series, by FFT (zero-padded to avoid wrap-around) for long ones.
    static func autocovarianceSums(_ x: [Double]) -> [Double] {
        let n = x.count
        let mean = x.reduce(0, +) / Double(n)
        let d = x.map { $0 - mean }
        if n <= 1024 {
            return (0..<n).map { t in
                var c = 0.0
                for i in 0..<(n - t) { c += d[i] * d[i + t] }
                return c
            }
        }
        var size = 1
        while size < 2 * n { size <<= 1 }
        var re = [Double](repeating: 0, count: size), im = [Double](repeating: 0, count: size)
        for i in 0..<n { re[i] = d[i] }
        fft(&re, &im, inverse: false)
        for k in 0..<size {
            re[k] = re[k] * re[k] + im[k] * im[k]
            im[k] = 0
        }
        fft(&re, &im, inverse: true)
        return (0..<n).map { re[$0] / Double(size) }
    }

    /// In-place radix-2 FFT (the length is a power of two); the inverse is unscaled.
    static func fft(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let n = re.count
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 { j ^= bit; bit >>= 1 }
            j |= bit
            if i < j { re.swapAt(i, j); im.swapAt(i, j) }
        }
        var length = 2
        while length <= n {
            let angle = (inverse ? 2 : -2) * Double.pi / Double(length)
            let (wr, wi) = (cos(angle), sin(angle))
            var start = 0
            while start < n {
                var cr = 1.0, ci = 0.0
                for k in 0..<(length / 2) {
                    let a = start + k, b = a + length / 2
                    let tr = re[b] * cr - im[b] * ci
                    let ti = re[b] * ci + im[b] * cr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                    let next = cr * wr - ci * wi
                    ci = cr * wi + ci * wr
                    cr = next
                }
                start += length
            }
            length <<= 1
        }
    }
}
