import Foundation

// Path-integral Monte Carlo of a transverse-field Ising model, 16 reads at a time.
//
// The Suzuki-Trotter decomposition with P slices maps Tr exp(−β(c·H_P − Γ Σ σx)) onto a
// classical model of P coupled copies ("slices") of the spins, with weight exp(−E_eff):
//
//     E_eff = a · Σ_k H_P(s_k) − J⊥ · Σ_k Σ_i s_{i,k} s_{i,k+1}     (k + 1 taken mod P)
//     a = β c / P,   J⊥ = −½ ln tanh(β Γ / P)
//
// so a move's acceptance depends only on the two numbers (a, J⊥) of its sweep; the
// samplers turn their schedules into one such pair per sweep (`TrotterStep`).
//
// Layout: for spin i and slice k the 16 reads' spins are one SIMD16<Float> at index
// i·P + k, and so are their classical local fields f = h_i + Σ_j J_ij s_{j,k}; a sweep
// visits spins in order and, per spin, its P slices in order, so memory is walked
// sequentially. Per spin a sweep makes P single-slice Metropolis moves and one world-line
// move (the spin flipped in every slice, which leaves the J⊥ bonds unchanged and is what
// lets a locked world line move at all), then updates the neighbours' fields once for all
// of the spin's changed slices. Fields are exact for small-integer couplings and are
// recomputed every 128 sweeps; a move no lane can accept is skipped without a random draw.

/// The two constants of one PIMC sweep: the weight `a` of the classical energy in every
/// slice and the imaginary-time coupling `bond` (J⊥) between neighbouring slices.
public struct TrotterStep: Sendable, Equatable {
    public var a: Double
    public var bond: Double
    public init(a: Double, bond: Double) { self.a = a; self.bond = bond }

    /// The largest J⊥ used: a broken bond then costs e^−100, never accepted in Float.
    public static let maxBond = 50.0

    /// The step for β·(c·H_P − Γ Σ σx) with P slices; Γ = 0 (or a vanishing βΓ/P) locks the
    /// slices together with `maxBond`, one slice has no bonds, and `a` is capped at 1e30.
    public static func step(beta: Double, classical c: Double, gamma: Double, slices: Int) -> TrotterStep {
        let p = Double(max(slices, 1))
        // Capped so that it stays finite in Float (0 · ∞ would make a NaN energy change).
        let a = min(beta * c / p, 1e30)
        guard slices > 1 else { return TrotterStep(a: a, bond: 0) }
        let x = beta * gamma / p
        let t = tanh(x)
        let bond = t > 0 ? min(-0.5 * log(t), maxBond) : maxBond
        return TrotterStep(a: a, bond: max(bond, 0))
    }
}

/// Which slice a read reports at the end of its run.
public enum SliceReadout: String, Sendable {
    /// Slice 0 (every slice has the same distribution, so this is an unbiased sample).
    case first
    /// The slice with the lowest classical energy (what an optimiser wants).
    case best
}

/// The model in Float CSR form, run as P-slice world lines in 16 lanes.
final class PathIntegralKernel: @unchecked Sendable {
    let count: Int
    let slices: Int
    let start: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int32>
    let couplings: UnsafeMutablePointer<Float>
    let h: UnsafeMutablePointer<Float>

    init(_ m: SpinModel, slices: Int) {
        count = m.count
        self.slices = slices
        (start, neighbors, couplings, h) = singlePrecisionCopy(of: m)
    }

    deinit { start.deallocate(); neighbors.deallocate(); couplings.deallocate(); h.deallocate() }

    /// Recomputes every slice's fields from the spins.
    private func computeFields(_ spins: UnsafeMutablePointer<FloatLanes>, _ fields: UnsafeMutablePointer<FloatLanes>) {
        let p = slices
        for i in 0..<count {
            let row = fields + i * p
            for k in 0..<p { row[k] = FloatLanes(repeating: h[i]) }
            for q in start[i]..<start[i + 1] {
                let other = spins + Int(neighbors[q]) * p
                let c = couplings[q]
                for k in 0..<p { row[k] += other[k] * c }
            }
        }
    }

    /// Runs 16 world-line systems through `steps` (one sweep each). `states` holds 16 rows
    /// of `count` spins (±1): every slice starts from its lane's row, and on return the row
    /// holds the slice chosen by `readout`.
    func run(steps: [TrotterStep], readout: SliceReadout, random: inout LaneRandom,
             states: UnsafeMutablePointer<Int8>) throws {
        let n = count, p = slices
        guard n > 0, p > 0 else { return }
        let spins = UnsafeMutablePointer<FloatLanes>.allocate(capacity: n * p)
        let fields = UnsafeMutablePointer<FloatLanes>.allocate(capacity: n * p)
        let delta = UnsafeMutablePointer<FloatLanes>.allocate(capacity: p)
        defer { spins.deallocate(); fields.deallocate(); delta.deallocate() }
        for i in 0..<n {
            var v = FloatLanes()
            for lane in 0..<16 { v[lane] = states[lane * n + i] > 0 ? 1 : -1 }
            for k in 0..<p { spins[i * p + k] = v }
        }
        computeFields(spins, fields)
        let start = self.start, nb = self.neighbors, cp = self.couplings
        var rng = random
        let zero = FloatLanes()
        for (sweep, step) in steps.enumerated() {
            if Cancellation.isRequested { throw CancelledError() }
            if sweep > 0 && sweep % 128 == 0 { computeFields(spins, fields) }
            // ΔE_eff of flipping s in slice k: s · (−2a f + 2J⊥ (s_{k−1} + s_{k+1})).
            let minusTwoA = FloatLanes(repeating: Float(-2 * step.a))
            let twoBond = FloatLanes(repeating: p > 1 ? Float(2 * step.bond) : 0)
            let skip = FloatLanes(repeating: skipExponent)
            for i in 0..<n {
                let sp = spins + i * p, fp = fields + i * p
                var changed = false
                for k in 0..<p {
                    let s = sp[k]
                    let around = sp[k == 0 ? p - 1 : k - 1] + sp[k == p - 1 ? 0 : k + 1]
                    let dE = s * (fp[k] * minusTwoA + around * twoBond)
                    delta[k] = zero
                    if all(dE .> skip) { continue }
                    let u = rng.uniform()
                    var x = -dE
                    x = x.replacing(with: 0, where: x .> 0)
                    x = x.replacing(with: -87, where: x .< -87)
                    let accept = u .< expLanes(x)
                    if !any(accept) { continue }
                    let flipped = s.replacing(with: -s, where: accept)
                    sp[k] = flipped
                    delta[k] = flipped - s
                    changed = true
                }
                // The world-line move: every slice of spin i flipped at once.
                var sum = zero
                for k in 0..<p { sum += sp[k] * fp[k] }
                let dW = sum * minusTwoA
                if !all(dW .> skip) {
                    let u = rng.uniform()
                    var x = -dW
                    x = x.replacing(with: 0, where: x .> 0)
                    x = x.replacing(with: -87, where: x .< -87)
                    let accept = u .< expLanes(x)
                    if any(accept) {
                        for k in 0..<p {
                            let s = sp[k]
                            let flipped = s.replacing(with: -s, where: accept)
                            sp[k] = flipped
                            delta[k] += flipped - s
                        }
                        changed = true
                    }
                }
                if !changed { continue }
                for q in start[i]..<start[i + 1] {
                    let other = fields + Int(nb[q]) * p
                    let c = FloatLanes(repeating: cp[q])
                    for k in 0..<p { other[k] += delta[k] * c }
                }
            }
        }
        random = rng
        var chosen = [Int](repeating: 0, count: 16)
        if readout == .best && p > 1 {
            computeFields(spins, fields)
            var best = FloatLanes(repeating: .infinity)
            for k in 0..<p {
                var e = zero
                for i in 0..<n {
                    // Σ s_i (h_i + f_i) is twice the slice's energy (h once, each coupling once).
                    e += spins[i * p + k] * (fields[i * p + k] + FloatLanes(repeating: h[i]))
                }
                for lane in 0..<16 where e[lane] < best[lane] {
                    best[lane] = e[lane]
                    chosen[lane] = k
                }
            }
        }
        for i in 0..<n {
            for lane in 0..<16 { states[lane * n + i] = spins[i * p + chosen[lane]][lane] > 0 ? 1 : -1 }
        }
    }
}

/// Runs `request.reads` world-line systems through `steps` with the lane kernel, in the
/// blocks of `runInLaneBlocks` (so results do not depend on the thread count). Returns the
/// reported slices, row-major.
func runPathIntegral(_ model: SpinModel, slices: Int, steps: [TrotterStep], readout: SliceReadout,
                     _ request: SampleRequest) throws -> [Int8] {
    guard model.count > 0, request.reads > 0 else { return try runInLaneBlocks(model, request) { _, _ in } }
    let kernel = PathIntegralKernel(model, slices: slices)
    return try runInLaneBlocks(model, request) { random, states in
        try kernel.run(steps: steps, readout: readout, random: &random, states: states)
    }
}

/// Checks the Trotter slice count shared by sqa and qbm.
func requireSlices(_ slices: Int) throws {
    guard slices >= 1, slices <= 1024 else { throw IsingError("trotter must be between 1 and 1024 slices, got \(slices)") }
}

/// Rejects runs whose world lines would not fit in memory: each thread holds spins and
/// fields of 16 reads for every spin-slice (128 bytes), so at most 2^21 spin-slices
/// (256 MB per thread).
func requireWorldLineMemory(count n: Int, slices p: Int) throws {
    let (cells, overflow) = n.multipliedReportingOverflow(by: p)
    guard !overflow, cells <= 1 << 21 else {
        throw IsingError("\(n) spins × \(p) Trotter slices is too large to simulate (at most 2097152 spin-slices)")
    }
}

/// The most sweeps a path-integral run takes (its per-sweep constants are tabulated).
let maxPathIntegralSweeps = 10_000_000

/// Checks a path-integral sweep count.
func requireSweeps(_ sweeps: Int) throws {
    guard sweeps >= 1, sweeps <= maxPathIntegralSweeps else {
        throw IsingError("sweeps must be between 1 and \(maxPathIntegralSweeps), got \(sweeps)")
    }
}
