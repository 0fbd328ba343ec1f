import Foundation

/// Exact enumeration of all 2^n states (n ≤ 30): the partition function log Z at β, the
/// ground energy E_0 and every ground state (energies up to E_0 + 1e-9 · max(|E_0|, Σ|h| +
/// Σ|J|); at most `maxStoredGroundStates` are kept, all are counted in the info's
/// "ground_state_count"),
/// the magnetisations ⟨s_i⟩ and correlations ⟨s_i s_j⟩, all returned in
/// `SpinSamples.exact`; `reads` states drawn exactly from the Boltzmann distribution
/// p(s) = exp(−β E(s)) / Z with the request's seed.
///
/// How it enumerates: the first (up to) 8 spins form a "low" block whose 256 states are
/// handled together, the remaining spins a "high" part walked in Gray-code order (one
/// flip per step, with the local fields and the high part's energy updated
/// incrementally and recomputed exactly every 512 steps). For a fixed high state the
/// energy of the 256 low states is E_H + E_LL(l) + Σ_i g_i s_i with g_i the field the high
/// spins put on low spin i, so their Boltzmann weights are a precomputed table of
/// exp(−β E_LL) times a product tree of per-spin factors: two multiplications per state
/// and no exponential. Weights are kept relative to a running reference (a streaming
/// log-sum-exp); when the dynamic range of a block is too wide for the product tree
/// (β·energies beyond ~700) the block falls back to one exponential per state. The high
/// part is cut into a fixed set of chunks that threads share, and chunk results are
/// merged in order, so results do not depend on the thread count. Sampling sorts the
/// reads' uniform deviates and walks only the chunks they fall in a second time, so
/// memory stays small at any n.
public struct ExactSolver: Sampler {
    /// The largest model that is enumerated (2^30 states).
    public static let maxVariables = 30
    /// At most this many ground states are stored (all are counted).
    public static let maxStoredGroundStates = 1 << 16

    /// The inverse temperature of the summary and of the drawn samples.
    public let beta: Double

    /// An exact solver at inverse temperature `beta` (> 0).
    public init(beta: Double = 1) throws {
        try requirePositive(beta, "beta")
        self.beta = beta
    }

    public var name: String { "exact" }
    public var settings: [(String, String)] { [("beta", "\(beta)")] }

    /// Enumerates `model` and returns its exact summary (no samples).
    public func summary(of model: SpinModel, threads: Int = 1) throws -> ExactSummary {
        try run(model, SampleRequest(reads: 0, seed: 0, threads: threads)).exact ?? ExactSummary(
            beta: beta, logZ: .nan, groundEnergy: .nan, groundStates: [], magnetization: [], correlations: [])
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        try run(model, request)
    }

    private func run(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        guard n <= ExactSolver.maxVariables else {
            throw IsingError("exact enumeration is limited to \(ExactSolver.maxVariables) variables (2^\(ExactSolver.maxVariables) states); this model has \(n)")
        }
        let reads = request.reads
        if n == 0 {
            let summary = ExactSummary(beta: beta, logZ: -beta * model.offset, groundEnergy: model.offset,
                                       groundStates: [[]], magnetization: [], correlations: [])
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: reads),
                               info: [("log_z", .double(summary.logZ)), ("ground_energy", .double(model.offset)),
                                      ("ground_state_count", .int(1))], exact: summary)
        }
        let start = monotonicSeconds()
        let e = ExactEnumerator(model, beta: beta)
        let chunks = try e.enumerateAll(threads: request.threads)
        let merged = try e.merge(chunks, threads: request.threads)
        var states: [Int8] = []
        if reads > 0 {
            states = try e.draw(reads: reads, request: request, chunks: chunks, logZ: merged.logZ)
        }
        let seconds = monotonicSeconds() - start
        let summary = ExactSummary(beta: beta, logZ: merged.logZ, groundEnergy: merged.groundEnergy,
                                   groundStates: merged.groundStates, magnetization: merged.magnetization,
                                   correlations: merged.correlations)
        var info: [(String, InfoValue)] = [
            ("log_z", .double(merged.logZ)),
            ("ground_energy", .double(merged.groundEnergy)),
            ("ground_state_count", .int(merged.groundCount)),
        ]
        if merged.groundCount > merged.groundStates.count {
            info.append(("ground_states_stored", .int(merged.groundStates.count)))
        }
        info.append(("states_per_second", .double(pow(2, Double(n)) / max(seconds, 1e-9))))
        return SpinSamples(states: states, energies: energies(of: states, model), info: info, exact: summary)
    }
}

/// What one chunk of the enumeration accumulated, with weights relative to exp(logRef).
final class ExactChunk: @unchecked Sendable {
    var logRef = -Double.infinity
    var z = 0.0
    /// Σ weight per low-block state (for the low spins' moments).
    let lowWeight: UnsafeMutablePointer<Double>
    /// Σ weight · s_j and Σ weight · s_j s_m over the high spins.
    let highMag: UnsafeMutablePointer<Double>
    let highCorr: UnsafeMutablePointer<Double>
    /// Σ weight · s_i s_j for low i, high j.
    let mixedCorr: UnsafeMutablePointer<Double>
    var groundEnergy = Double.infinity
    var groundIndex: [UInt64] = []
    var groundEnergies: [Double] = []
    var truncated = false
    let sizes: (Int, Int, Int, Int)

    init(lowStates: Int, low: Int, high: Int) {
        sizes = (lowStates, high, high * high, low * high)
        lowWeight = .allocate(capacity: lowStates)
        highMag = .allocate(capacity: max(high, 1))
        highCorr = .allocate(capacity: max(high * high, 1))
        mixedCorr = .allocate(capacity: max(low * high, 1))
        lowWeight.initialize(repeating: 0, count: lowStates)
        highMag.initialize(repeating: 0, count: max(high, 1))
        highCorr.initialize(repeating: 0, count: max(high * high, 1))
        mixedCorr.initialize(repeating: 0, count: max(low * high, 1))
    }

    deinit { lowWeight.deallocate(); highMag.deallocate(); highCorr.deallocate(); mixedCorr.deallocate() }

    /// log Σ weights of the chunk (−∞ when empty).
    var logTotal: Double { z > 0 ? logRef + log(z) : -.infinity }

    /// Multiplies every accumulator by `f` (when the reference moves up).
    func rescale(_ f: Double) {
        z *= f
        for k in 0..<sizes.0 { lowWeight[k] *= f }
        for k in 0..<sizes.1 { highMag[k] *= f }
        for k in 0..<sizes.2 { highCorr[k] *= f }
        for k in 0..<sizes.3 { mixedCorr[k] *= f }
    }
}

/// The merged result of all chunks.
struct ExactTotals {
    var logZ: Double
    var groundEnergy: Double
    var groundStates: [[Int8]]
    var groundCount: Int
    var magnetization: [Double]
    var correlations: [Double]
}

/// The tables and the walk behind `ExactSolver`.
final class ExactEnumerator: @unchecked Sendable {
    let n: Int, low: Int, high: Int
    /// Low-block states, and that count padded to a multiple of 8 for vector loops.
    let lowStates: Int, padded: Int
    let beta: Double
    let offset: Double
    /// Dense couplings, n × n.
    let J: UnsafeMutablePointer<Double>
    let h: UnsafeMutablePointer<Double>
    /// lowSpin[i * padded + l] = ±1: low spin i in low state l (bit i set → +1).
    let lowSpin: UnsafeMutablePointer<Double>
    /// E_LL(l) − min E_LL: the low spins' couplings among themselves.
    let lowEnergy: UnsafeMutablePointer<Double>
    /// exp(−β (E_LL(l) − min E_LL)), 0 in the padding.
    let lowBoltzmann: UnsafeMutablePointer<Double>
    let lowMin: Double, lowRange: Double
    /// Σ|h| + Σ|J|: the scale for the ground-state tolerance.
    let energyScale: Double
    let blockCount: Int, chunkCount: Int, blocksPerChunk: Int

    init(_ m: SpinModel, beta: Double) {
        n = m.count
        low = min(n, 8)
        high = n - low
        lowStates = 1 << low
        padded = max(lowStates, 8)
        self.beta = beta
        offset = m.offset
        J = .allocate(capacity: n * n)
        J.initialize(repeating: 0, count: n * n)
        h = .allocate(capacity: n)
        var scale = 0.0
        for i in 0..<n { h[i] = m.h[i]; scale += abs(m.h[i]) }
        for (i, j, b) in m.edges {
            J[i * n + j] += b
            J[j * n + i] += b
            scale += abs(b)
        }
        energyScale = scale
        lowSpin = .allocate(capacity: max(low, 1) * padded)
        lowSpin.initialize(repeating: 0, count: max(low, 1) * padded)
        lowEnergy = .allocate(capacity: padded)
        lowEnergy.initialize(repeating: 0, count: padded)
        lowBoltzmann = .allocate(capacity: padded)
        lowBoltzmann.initialize(repeating: 0, count: padded)
        var lo = Double.infinity, hi = -Double.infinity
        for l in 0..<lowStates {
            var e = 0.0
            for i in 0..<low {
                let si: Double = (l >> i) & 1 == 1 ? 1 : -1
                lowSpin[i * padded + l] = si
                for k in (i + 1)..<max(low, i + 1) {
                    let sk: Double = (l >> k) & 1 == 1 ? 1 : -1
                    e += J[i * n + k] * si * sk
                }
            }
            lowEnergy[l] = e
            lo = min(lo, e); hi = max(hi, e)
        }
        lowMin = lo
        lowRange = hi - lo
        for l in 0..<lowStates {
            lowEnergy[l] -= lo
            lowBoltzmann[l] = exp(-beta * lowEnergy[l])
        }
        blockCount = 1 << high
        chunkCount = min(blockCount, 1024)
        blocksPerChunk = blockCount / chunkCount
    }

    deinit {
        J.deallocate(); h.deallocate(); lowSpin.deallocate(); lowEnergy.deallocate(); lowBoltzmann.deallocate()
    }

    /// The ground-state window: energies up to e + 1e-9 · max(|e|, Σ|biases|) count as ground.
    @inline(__always)
    func window(_ e: Double) -> Double {
        e.isFinite ? e + 1e-9 * max(abs(e), energyScale) : .infinity
    }

    /// Pass 1: every chunk, spread over threads.
    func enumerateAll(threads: Int) throws -> [ExactChunk] {
        let results = SharedBuffer<ExactChunk?>(repeating: nil, count: chunkCount)
        try forEachRead(chunkCount, threads: threads) { c in
            results.pointer[c] = try self.accumulate(chunk: c)
        }
        return results.array.compactMap { $0 }
    }

    /// Walks the blocks of chunk `c` in Gray-code order, calling `body` for each with the
    /// walker positioned on it.
    func walk(chunk c: Int, _ walker: BlockWalker, _ body: (Int) throws -> Void) throws {
        let k0 = c * blocksPerChunk, k1 = k0 + blocksPerChunk
        walker.setHigh(gray: k0 ^ (k0 >> 1))
        for k in k0..<k1 {
            if k > k0 {
                if (k - k0) % 512 == 0 {
                    if Cancellation.isRequested { throw CancelledError() }
                    walker.setHigh(gray: k ^ (k >> 1))
                } else {
                    walker.flipHigh(k.trailingZeroBitCount)
                }
            }
            try body(k)
        }
    }

    /// Pass 1 for one chunk: weights, moments and ground states.
    func accumulate(chunk c: Int) throws -> ExactChunk {
        let out = ExactChunk(lowStates: padded, low: low, high: high)
        let w = BlockWalker(self)
        let logBlockStates = log(Double(lowStates))
        let cap = ExactSolver.maxStoredGroundStates
        try walk(chunk: c, w) { k in
            let bound = w.lowerBound()
            // ground states
            if bound <= window(out.groundEnergy) {
                w.computeEnergies()
                let base = w.highEnergy + lowMin
                for l in 0..<lowStates {
                    let e = base + w.D[l]
                    if e < out.groundEnergy {
                        out.groundEnergy = e
                        let limit = window(e)
                        var keep = 0
                        for t in out.groundEnergies.indices where out.groundEnergies[t] <= limit {
                            out.groundEnergies[keep] = out.groundEnergies[t]
                            out.groundIndex[keep] = out.groundIndex[t]
                            keep += 1
                        }
                        out.groundEnergies.removeLast(out.groundEnergies.count - keep)
                        out.groundIndex.removeLast(out.groundIndex.count - keep)
                    }
                    if e <= window(out.groundEnergy) {
                        if out.groundIndex.count < cap {
                            out.groundIndex.append(UInt64(w.gray) << UInt64(low) | UInt64(l))
                            out.groundEnergies.append(e)
                        } else {
                            out.truncated = true
                        }
                    }
                }
            }
            // weights: skip blocks that cannot matter next to what is already summed
            if out.logRef.isFinite && -beta * bound + logBlockStates < out.logRef - 746 { return }
            let (logScale, total) = w.computeWeights()
            guard total > 0 else { return }
            let logBlock = logScale + log(total)
            if logBlock > out.logRef {
                if out.logRef.isFinite { out.rescale(exp(out.logRef - logBlock)) }
                out.logRef = logBlock
            }
            let scale = exp(logScale - out.logRef)
            out.z += scale * total
            let bf = w.bf, acc = out.lowWeight
            for l in 0..<padded { acc[l] += scale * bf[l] }
            w.lowMoments()
            let wz = scale * total
            let sH = w.sH
            for j in 0..<high {
                let a = wz * sH[j]
                out.highMag[j] += a
                let row = out.highCorr + j * high
                for m in (j + 1)..<max(high, j + 1) { row[m] += a * sH[m] }
            }
            for i in 0..<low {
                let a = scale * w.moments[i]
                let row = out.mixedCorr + i * high
                for j in 0..<high { row[j] += a * sH[j] }
            }
        }
        return out
    }

    /// Collects the ground states of chunk `c` within a known window (after a chunk
    /// overflowed its store in pass 1): returns the count and up to `cap` states.
    func groundStates(chunk c: Int, limit: Double, cap: Int) throws -> (Int, [UInt64]) {
        let w = BlockWalker(self)
        var count = 0
        var found: [UInt64] = []
        try walk(chunk: c, w) { _ in
            guard w.lowerBound() <= limit else { return }
            w.computeEnergies()
            let base = w.highEnergy + lowMin
            for l in 0..<lowStates where base + w.D[l] <= limit {
                count += 1
                if found.count < cap { found.append(UInt64(w.gray) << UInt64(low) | UInt64(l)) }
            }
        }
        return (count, found)
    }

    /// Merges the chunks in order into log Z, moments and ground states.
    func merge(_ chunks: [ExactChunk], threads: Int) throws -> ExactTotals {
        let ref = chunks.map(\.logTotal).max() ?? -.infinity
        var z = 0.0
        var lowW = [Double](repeating: 0, count: padded)
        var mag = [Double](repeating: 0, count: high)
        var hh = [Double](repeating: 0, count: high * high)
        var lh = [Double](repeating: 0, count: low * high)
        for c in chunks where c.z > 0 {
            let f = exp(c.logRef - ref)
            z += f * c.z
            for l in 0..<padded { lowW[l] += f * c.lowWeight[l] }
            for j in 0..<high { mag[j] += f * c.highMag[j] }
            for k in 0..<(high * high) { hh[k] += f * c.highCorr[k] }
            for k in 0..<(low * high) { lh[k] += f * c.mixedCorr[k] }
        }
        let logZ = ref + log(z)
        var m = [Double](repeating: 0, count: n)
        var corr = [Double](repeating: 0, count: n * n)
        for i in 0..<n { corr[i * n + i] = 1 }
        for i in 0..<low {
            var s = 0.0
            for l in 0..<lowStates { s += lowW[l] * lowSpin[i * padded + l] }
            m[i] = s / z
            for k in (i + 1)..<max(low, i + 1) {
                var t = 0.0
                for l in 0..<lowStates { t += lowW[l] * lowSpin[i * padded + l] * lowSpin[k * padded + l] }
                corr[i * n + k] = t / z
                corr[k * n + i] = t / z
            }
            for j in 0..<high {
                corr[i * n + low + j] = lh[i * high + j] / z
                corr[(low + j) * n + i] = lh[i * high + j] / z
            }
        }
        for j in 0..<high {
            m[low + j] = mag[j] / z
            for q in (j + 1)..<max(high, j + 1) {
                corr[(low + j) * n + low + q] = hh[j * high + q] / z
                corr[(low + q) * n + low + j] = hh[j * high + q] / z
            }
        }
        // ground states: the lowest energy over all chunks, then everything within its window
        let ground = chunks.map(\.groundEnergy).min() ?? .infinity
        let limit = window(ground)
        let cap = ExactSolver.maxStoredGroundStates
        var indices: [UInt64] = []
        var count = 0
        for (c, chunk) in chunks.enumerated() where chunk.groundEnergy <= limit {
            if chunk.truncated {
                let (k, found) = try groundStates(chunk: c, limit: limit, cap: cap)
                count += k
                indices.append(contentsOf: found.prefix(max(0, cap - indices.count)))
            } else {
                for (t, e) in chunk.groundEnergies.enumerated() where e <= limit {
                    count += 1
                    if indices.count < cap { indices.append(chunk.groundIndex[t]) }
                }
            }
        }
        let states = indices.sorted().map { state(of: $0) }
        return ExactTotals(logZ: logZ, groundEnergy: ground, groundStates: states, groundCount: count,
                           magnetization: m, correlations: corr)
    }

    /// The spins of a state index (bit b → spin b is +1).
    func state(of index: UInt64) -> [Int8] {
        (0..<n).map { (index >> UInt64($0)) & 1 == 1 ? 1 : -1 }
    }

    /// Pass 2: one exact sample per read. Read r's uniform comes from its own generator;
    /// the chunk it falls in is found from the chunk totals, and only chunks holding
    /// samples are walked again, with the sorted targets consumed in one pass.
    func draw(reads: Int, request: SampleRequest, chunks: [ExactChunk], logZ: Double) throws -> [Int8] {
        let probabilities = chunks.map { exp($0.logTotal - logZ) }
        var cumulative = [Double](repeating: 0, count: chunks.count + 1)
        for c in chunks.indices { cumulative[c + 1] = cumulative[c] + probabilities[c] }
        let total = cumulative[chunks.count]
        // per chunk: (target within the chunk in [0, 1), read)
        var targets = [[(Double, Int)]](repeating: [], count: chunks.count)
        let lastUsable = probabilities.lastIndex { $0 > 0 } ?? 0
        for r in 0..<reads {
            var g = Xoshiro256(seed: request.seed(forRead: r))
            let u = g.nextDouble() * total
            var lo = 0, hi = chunks.count - 1
            while lo < hi {  // first chunk whose cumulative end exceeds u
                let mid = (lo + hi) / 2
                if cumulative[mid + 1] > u { hi = mid } else { lo = mid + 1 }
            }
            var c = lo
            if probabilities[c] <= 0 { c = lastUsable }
            let t = probabilities[c] > 0 ? min(max((u - cumulative[c]) / probabilities[c], 0), 1) : 0
            targets[c].append((t, r))
        }
        let used = targets.indices.filter { !targets[$0].isEmpty }
        let out = SharedBuffer<Int8>(repeating: 0, count: try stateBufferSize(reads: reads, count: n))
        let sortedTargets = targets.map { $0.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) } }
        try forEachRead(used.count, threads: request.threads) { q in
            let c = used[q]
            let picks = try self.pick(chunk: c, targets: sortedTargets[c].map(\.0), logTotal: chunks[c].logTotal)
            for (k, (_, r)) in sortedTargets[c].enumerated() {
                let row = out.pointer + r * self.n
                for i in 0..<self.n { row[i] = (picks[k] >> UInt64(i)) & 1 == 1 ? 1 : -1 }
            }
        }
        return out.array
    }

    /// The states at the sorted fractions `targets` of chunk `c`'s total weight.
    func pick(chunk c: Int, targets: [Double], logTotal: Double) throws -> [UInt64] {
        let w = BlockWalker(self)
        var picks: [UInt64] = []
        picks.reserveCapacity(targets.count)
        var cum = 0.0
        var last: UInt64 = 0
        let logBlockStates = log(Double(lowStates))
        try walk(chunk: c, w) { _ in
            guard picks.count < targets.count else { return }
            if -beta * w.lowerBound() + logBlockStates < logTotal - 746 { return }
            let (logScale, total) = w.computeWeights()
            guard total > 0 else { return }
            let scale = exp(logScale - logTotal)
            let mass = scale * total
            let bf = w.bf
            var l = 0
            var local = cum
            while picks.count < targets.count && targets[picks.count] < cum + mass {
                let t = targets[picks.count]
                while l < lowStates - 1 && local + scale * bf[l] <= t { local += scale * bf[l]; l += 1 }
                var chosen = l
                while chosen > 0 && bf[chosen] == 0 { chosen -= 1 }
                picks.append(UInt64(w.gray) << UInt64(low) | UInt64(chosen))
            }
            var top = lowStates - 1
            while top > 0 && bf[top] == 0 { top -= 1 }
            last = UInt64(w.gray) << UInt64(low) | UInt64(top)
            cum += mass
        }
        while picks.count < targets.count { picks.append(last) }  // rounding at the very end
        return picks
    }
}

/// A position in the enumeration: one high state with its energy and the fields it puts
/// on the low spins, plus scratch for the low block's energies and weights.
final class BlockWalker {
    let e: ExactEnumerator
    /// High spins (±1), their fields from h and the other high spins, and the fields g_i
    /// on the low spins.
    let sH: UnsafeMutablePointer<Double>
    let fH: UnsafeMutablePointer<Double>
    let g: UnsafeMutablePointer<Double>
    /// The energy of the high spins alone, with the offset.
    var highEnergy = 0.0
    /// The current high state's bits.
    var gray = 0
    /// Per low state: energies above E_H + min E_LL, and weights.
    let D: UnsafeMutablePointer<Double>
    let bf: UnsafeMutablePointer<Double>
    let tree: UnsafeMutablePointer<Double>
    /// Σ_l weight(l) · s_i(l) for each low spin, after `lowMoments()`.
    var moments: [Double]
    private var energiesFresh = false

    init(_ e: ExactEnumerator) {
        self.e = e
        sH = .allocate(capacity: max(e.high, 1))
        fH = .allocate(capacity: max(e.high, 1))
        g = .allocate(capacity: max(e.low, 1))
        D = .allocate(capacity: e.padded)
        bf = .allocate(capacity: e.padded)
        tree = .allocate(capacity: e.padded)
        D.initialize(repeating: 0, count: e.padded)
        bf.initialize(repeating: 0, count: e.padded)
        tree.initialize(repeating: 0, count: e.padded)
        moments = [Double](repeating: 0, count: e.low)
    }

    deinit { sH.deallocate(); fH.deallocate(); g.deallocate(); D.deallocate(); bf.deallocate(); tree.deallocate() }

    /// Sets the high spins from `bits` and computes fields and energy exactly.
    func setHigh(gray bits: Int) {
        gray = bits
        let n = e.n, low = e.low, high = e.high, J = e.J
        for j in 0..<high { sH[j] = (bits >> j) & 1 == 1 ? 1 : -1 }
        var energy = e.offset
        for j in 0..<high {
            let v = low + j
            var f = e.h[v]
            for m in 0..<high where m != j { f += J[v * n + low + m] * sH[m] }
            fH[j] = f
            energy += 0.5 * (e.h[v] + f) * sH[j]
        }
        highEnergy = energy
        for i in 0..<low {
            var f = e.h[i]
            for j in 0..<high { f += J[i * n + low + j] * sH[j] }
            g[i] = f
        }
        energiesFresh = false
    }

    /// Flips high spin j, updating the fields and the high energy.
    @inline(__always)
    func flipHigh(_ j: Int) {
        let n = e.n, low = e.low, high = e.high, J = e.J
        highEnergy -= 2 * sH[j] * fH[j]
        let s = -sH[j]
        sH[j] = s
        gray ^= 1 << j
        let row = J + (low + j) * n
        let twice = 2 * s
        for m in 0..<high { fH[m] += twice * row[low + m] }
        for i in 0..<low { g[i] += twice * row[i] }
        energiesFresh = false
    }

    /// A lower bound of the energies in this block: E_H + min E_LL − Σ|g_i|.
    @inline(__always)
    func lowerBound() -> Double {
        var s = 0.0
        for i in 0..<e.low { s += abs(g[i]) }
        return highEnergy + e.lowMin - s
    }

    /// D[l] = E_LL(l) − min E_LL + Σ_i g_i s_i(l), built as an addition tree.
    func computeEnergies() {
        if energiesFresh { return }
        var base = 0.0
        for i in 0..<e.low { base -= g[i] }
        tree[0] = base
        for i in 0..<e.low {
            let size = 1 << i, step = 2 * g[i]
            for x in 0..<size { tree[x + size] = tree[x] + step }
        }
        let le = e.lowEnergy
        for l in 0..<e.lowStates { D[l] = le[l] + tree[l] }
        energiesFresh = true
    }

    /// Fills `bf` with the block's weights relative to exp(logScale) and returns
    /// (logScale, Σ weights).
    func computeWeights() -> (Double, Double) {
        let beta = e.beta, low = e.low, L = e.lowStates
        var sumAbs = 0.0, negative = 0.0
        for i in 0..<low {
            sumAbs += abs(g[i])
            if g[i] < 0 { negative += g[i] }
        }
        let a = beta * sumAbs
        var logScale: Double
        if 2 * a + beta * e.lowRange <= 700 {
            // product tree of per-spin factors exp(−β g_i s_i − β|g_i|) ∈ [e^{−2a}, 1]
            tree[0] = exp(2 * beta * negative)
            for i in 0..<low {
                let size = 1 << i, ratio = exp(-2 * beta * g[i])
                for x in 0..<size { tree[x + size] = tree[x] * ratio }
            }
            let B = e.lowBoltzmann
            for l in 0..<L { bf[l] = B[l] * tree[l] }
            logScale = -beta * (highEnergy + e.lowMin) + a
        } else {
            computeEnergies()
            var dmin = Double.infinity
            for l in 0..<L { dmin = min(dmin, D[l]) }
            for l in 0..<L { bf[l] = exp(-beta * (D[l] - dmin)) }
            logScale = -beta * (highEnergy + e.lowMin + dmin)
        }
        return (logScale, sumVector(bf, e.padded))
    }

    /// moments[i] = Σ_l bf[l] s_i(l) for every low spin, by halving: the top bit's
    /// moment is (upper half − lower half), then the halves are added and the next bit
    /// follows on the half-size array.
    func lowMoments() {
        let t = tree
        t.update(from: bf, count: e.padded)
        var size = e.padded
        var bit = e.padded.trailingZeroBitCount - 1
        while size > 1 {
            let half = size / 2
            var diff = 0.0
            if half >= 8 {
                let raw = UnsafeMutableRawPointer(t)
                var acc = SIMD8<Double>()
                var x = 0
                while x < half {
                    let a = raw.loadUnaligned(fromByteOffset: x * 8, as: SIMD8<Double>.self)
                    let b = raw.loadUnaligned(fromByteOffset: (x + half) * 8, as: SIMD8<Double>.self)
                    acc += b - a
                    raw.storeBytes(of: a + b, toByteOffset: x * 8, as: SIMD8<Double>.self)
                    x += 8
                }
                diff = acc.sum()
            } else {
                for x in 0..<half {
                    diff += t[x + half] - t[x]
                    t[x] += t[x + half]
                }
            }
            if bit < e.low { moments[bit] = diff }
            size = half
            bit -= 1
        }
    }
}

/// Σ of `count` doubles (a multiple of 8), eight lanes at a time.
@inline(__always)
func sumVector(_ p: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
    let raw = UnsafeRawPointer(p)
    var acc = SIMD8<Double>()
    var x = 0
    while x < count {
        acc += raw.loadUnaligned(fromByteOffset: x * 8, as: SIMD8<Double>.self)
        x += 8
    }
    return acc.sum()
}
