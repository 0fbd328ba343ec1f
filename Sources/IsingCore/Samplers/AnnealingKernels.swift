import Foundation

// The inner loop of simulated annealing (and of fixed-β sequential-scan MCMC, which is
// annealing with a flat schedule): `LaneAnnealer` runs 16 reads at once, one per lane of
// SIMD16<Float>. Spins and local fields are stored per spin as 16-lane vectors, so a
// sweep walks memory in order and every operation (random numbers, exponentials,
// acceptance, neighbour updates) is one vector operation over 16 independent chains.
//
// Fields are kept in Float (exact for small-integer couplings, and recomputed from the
// spins every 128 sweeps so rounding cannot accumulate), and a proposal is skipped
// outright when no lane can accept it: an acceptance probability below the resolution of
// the uniform deviates (2^-24), which is most proposals late in an anneal.
//
// (A one-read-at-a-time kernel on a dense matrix was tried for SK models and was slower
// than the lanes at N = 200 and N = 1000, so there is only this one.)

typealias FloatLanes = SIMD16<Float>
typealias WordLanes = SIMD16<UInt32>

/// Acceptance probabilities below e^-16.7 < 2^-24 are never accepted by a uniform in
/// [2^-24, 1 − 2^-24], so such proposals are skipped without drawing.
let skipExponent: Float = 16.7

/// xoshiro128+ running independently in 16 lanes (one generator per read).
struct LaneRandom {
    var s0: WordLanes, s1: WordLanes, s2: WordLanes, s3: WordLanes
    /// The rotation rotl(s3, 11) is done as two shifts by amounts the optimiser cannot
    /// see (11 and 21, set through `opaque`): with constants it recognises a rotation,
    /// which SSE2 lacks, and falls back to one scalar instruction per lane.
    private let left: UInt32, right: UInt32

    /// Each lane seeded from two 64-bit outputs of that read's own generator.
    init(_ generators: inout [Xoshiro256]) {
        s0 = .zero; s1 = .zero; s2 = .zero; s3 = .zero
        left = opaque(11)
        right = opaque(21)
        for lane in 0..<16 {
            let a = generators[lane].next(), b = generators[lane].next()
            s0[lane] = UInt32(truncatingIfNeeded: a)
            s1[lane] = UInt32(truncatingIfNeeded: a >> 32)
            s2[lane] = UInt32(truncatingIfNeeded: b)
            s3[lane] = UInt32(truncatingIfNeeded: b >> 32) | 1  // never an all-zero state
        }
    }

    @inline(__always)
    mutating func next() -> WordLanes {
        let result = s0 &+ s3
        let t = s1 &<< 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< left) | (s3 &>> right)
        return result
    }

    /// Uniforms k·2^-23 + 2^-24 (k from the top 23 bits): in (0, 1), never 0 or 1.
    @inline(__always)
    mutating func uniform() -> FloatLanes {
        let bits = (next() &>> 9) | WordLanes(repeating: 0x3F80_0000)
        return unsafeBitCast(bits, to: FloatLanes.self) - FloatLanes(repeating: 0.99999994)
    }
}

/// `x`, hidden from the optimiser.
@inline(never)
func opaque(_ x: UInt32) -> UInt32 { x }

/// e^x in 16 lanes for x in [−87, 87]: 2^(x log2 e) split into a rounded integer part
/// (placed in the exponent bits) and a fraction in [−½, ½] (a degree-6 polynomial).
/// Relative error below 1e-6 for |x| ≤ 10 and below 1e-5 over the whole range (where
/// rounding x·log2 e to Float dominates).
@inline(__always)
func expLanes(_ x: FloatLanes) -> FloatLanes {
    let t = x * 1.442_695_04
    let magic = FloatLanes(repeating: 12_582_912)  // 1.5 · 2^23: adding it rounds to an integer
    let r = t + magic
    let whole = r - magic
    let f = t - whole
    var p = FloatLanes(repeating: 1.540_353_04e-4)
    p = p * f + 1.333_355_81e-3
    p = p * f + 9.618_129_11e-3
    p = p * f + 5.550_410_87e-2
    p = p * f + 2.402_265_07e-1
    p = p * f + 6.931_471_81e-1
    p = p * f + 1
    let k = unsafeBitCast(r, to: SIMD16<Int32>.self) &- 0x4B40_0000
    let bits = unsafeBitCast(p, to: SIMD16<Int32>.self) &+ (k &<< 23)
    return unsafeBitCast(bits, to: FloatLanes.self)
}

/// The model in Float CSR form for the lane kernel.
/// The model's CSR structure with single-precision biases, in buffers the lane kernels own
/// (and deallocate): row starts, neighbours, couplings and fields.
func singlePrecisionCopy(of m: SpinModel) -> (UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int32>,
                                             UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) {
    let n = m.count, e = m.neighbors.count
    let start = UnsafeMutablePointer<Int>.allocate(capacity: n + 1)
    let neighbors = UnsafeMutablePointer<Int32>.allocate(capacity: max(e, 1))
    let couplings = UnsafeMutablePointer<Float>.allocate(capacity: max(e, 1))
    let h = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
    for i in 0...n { start[i] = m.rowStart[i] }
    for k in 0..<e { neighbors[k] = m.neighbors[k]; couplings[k] = Float(m.couplings[k]) }
    for i in 0..<n { h[i] = Float(m.h[i]) }
    return (start, neighbors, couplings, h)
}

final class LaneAnnealer: @unchecked Sendable {
    let count: Int
    let start: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int32>
    let couplings: UnsafeMutablePointer<Float>
    let h: UnsafeMutablePointer<Float>

    init(_ m: SpinModel) {
        count = m.count
        (start, neighbors, couplings, h) = singlePrecisionCopy(of: m)
    }

    deinit { start.deallocate(); neighbors.deallocate(); couplings.deallocate(); h.deallocate() }

    /// Recomputes every field from the spins.
    private func computeFields(_ spins: UnsafeMutablePointer<FloatLanes>, _ fields: UnsafeMutablePointer<FloatLanes>) {
        for i in 0..<count {
            var f = FloatLanes(repeating: h[i])
            for k in start[i]..<start[i + 1] { f += spins[Int(neighbors[k])] * couplings[k] }
            fields[i] = f
        }
    }

    /// Runs 16 chains through `betas` (one sweep each). `states` holds 16 rows of `count`
    /// spins (±1): the start states on entry and the final states on return.
    func anneal(betas: BetaSequence, rule: UpdateRule, random: inout LaneRandom,
                states: UnsafeMutablePointer<Int8>) throws {
        let n = count
        guard n > 0 else { return }
        let spins = UnsafeMutablePointer<FloatLanes>.allocate(capacity: n)
        let fields = UnsafeMutablePointer<FloatLanes>.allocate(capacity: n)
        defer { spins.deallocate(); fields.deallocate() }
        for i in 0..<n {
            var v = FloatLanes()
            for lane in 0..<16 { v[lane] = states[lane * n + i] > 0 ? 1 : -1 }
            spins[i] = v
        }
        computeFields(spins, fields)
        // One copy of the sweep loop per rule, so the rule is not tested per spin.
        if rule == .metropolis {
            try sweeps(betas: betas, metropolis: true, random: &random, spins: spins, fields: fields)
        } else {
            try sweeps(betas: betas, metropolis: false, random: &random, spins: spins, fields: fields)
        }
        for i in 0..<n {
            let v = spins[i]
            for lane in 0..<16 { states[lane * n + i] = v[lane] > 0 ? 1 : -1 }
        }
    }

    /// The sweeps of `anneal`, inlined into each branch with `metropolis` a constant.
    @inline(__always)
    private func sweeps(betas: BetaSequence, metropolis: Bool, random: inout LaneRandom,
                        spins: UnsafeMutablePointer<FloatLanes>, fields: UnsafeMutablePointer<FloatLanes>) throws {
        let n = count
        let start = self.start, nb = self.neighbors, cp = self.couplings
        var rng = random
        defer { random = rng }
        for sweep in 0..<betas.count {
            if Cancellation.isRequested { throw CancelledError() }
            if sweep > 0 && sweep % 128 == 0 { computeFields(spins, fields) }
            let b = Float(betas[sweep])
            let skip = FloatLanes(repeating: b > 0 ? skipExponent / b : .infinity)
            let minusTwo = FloatLanes(repeating: -2)
            for i in 0..<n {
                let s = spins[i]
                let dE = s * fields[i] * minusTwo
                if all(dE .> skip) { continue }
                let u = rng.uniform()
                let accept: SIMDMask<SIMD16<Int32>>
                if metropolis {
                    var x = dE * -b
                    x = x.replacing(with: 0, where: x .> 0)
                    x = x.replacing(with: -87, where: x .< -87)
                    accept = u .< expLanes(x)
                } else {
                    var x = dE * b
                    x = x.replacing(with: 87, where: x .> 87)
                    x = x.replacing(with: -87, where: x .< -87)
                    accept = u * (1 + expLanes(x)) .< 1
                }
                if !any(accept) { continue }
                let flipped = s.replacing(with: -s, where: accept)
                spins[i] = flipped
                let delta = flipped - s
                for k in start[i]..<start[i + 1] {
                    fields[Int(nb[k])] += delta * cp[k]
                }
            }
        }
    }
}

/// Runs `request.reads` chains through `betas` with the lane kernel, in the blocks of
/// `runInLaneBlocks`. Returns the final states, row-major.
func annealInLanes(_ model: SpinModel, betas: BetaSequence, rule: UpdateRule, _ request: SampleRequest) throws -> [Int8] {
    guard model.count > 0, request.reads > 0 else { return try runInLaneBlocks(model, request) { _, _ in } }
    let kernel = LaneAnnealer(model)
    return try runInLaneBlocks(model, request) { random, states in
        try kernel.anneal(betas: betas, rule: rule, random: &random, states: states)
    }
}

/// The block structure shared by the lane samplers: reads in blocks of 16 (read r in
/// block r / 16, lane r % 16, its generator seeded by `request.seed(forRead: r)` and
/// first used for its start state), blocks spread over the request's threads, and `body`
/// run on each block's 16 states (spin-major per lane). Returns the states, row-major.
func runInLaneBlocks(_ model: SpinModel, _ request: SampleRequest,
                     _ body: @Sendable (inout LaneRandom, UnsafeMutablePointer<Int8>) throws -> Void) throws -> [Int8] {
    let n = model.count
    let reads = request.reads
    let out = SharedBuffer<Int8>(repeating: 0, count: try stateBufferSize(reads: reads, count: n))
    guard n > 0, reads > 0 else { return out.array }
    let blocks = (reads + 15) / 16
    try forEachRead(blocks, threads: request.threads, progress: request.progress) { b in
        let states = UnsafeMutablePointer<Int8>.allocate(capacity: 16 * n)
        defer { states.deallocate() }
        var generators: [Xoshiro256] = []
        generators.reserveCapacity(16)
        for lane in 0..<16 {
            let r = b * 16 + lane
            var g = Xoshiro256(seed: request.seed(forRead: r))
            startState(request, read: r, count: n, into: states + lane * n, rng: &g)
            generators.append(g)
        }
        var random = LaneRandom(&generators)
        try body(&random, states)
        for lane in 0..<16 where b * 16 + lane < reads {
            (out.pointer + (b * 16 + lane) * n).update(from: states + lane * n, count: n)
        }
    }
    return out.array
}
