import Foundation

/// The exact quantum Gibbs state ρ = exp(−β(H_P − Γ Σ σx)) / Z of a small model (n ≤ 12
/// spins, a 4096 × 4096 Hamiltonian), in the same convention as `QuantumBoltzmannSampler`.
///
/// Returned in `SpinSamples.exact`: log Z, the diagonal distribution p(z) = ρ_zz in the
/// computational basis (as `logProbabilities`), ⟨σz_i⟩ and ⟨σz_i σz_j⟩ under it, and the
/// classical ground energy and ground states of H_P; `reads` states are drawn exactly from
/// p with the request's seed. The info also gives the quantum ground energy E_0.
///
/// How: only the diagonal of exp(−βH) is needed, and it is computed to machine precision
/// by a Chebyshev expansion (`QuantumDiagonal`) with H applied as a sparse operator
/// (diagonal H_P plus one bit flip per σx), so no dense 4096² matrix is formed.
public struct QuantumExactSolver: Sampler {
    /// The largest model (2^12 basis states).
    public static let maxVariables = 12

    public let gamma: Double
    public let beta: Double

    /// A solver; throws on a negative or non-finite Γ or a non-positive β.
    public init(gamma: Double, beta: Double = 1) throws {
        guard gamma.isFinite, gamma >= 0 else { throw IsingError("gamma must be a finite number not below 0, got \(gamma)") }
        try requirePositive(beta, "beta")
        self.gamma = gamma; self.beta = beta
    }

    public var name: String { "exact_quantum" }
    public var settings: [(String, String)] { [("gamma", "\(gamma)"), ("beta", "\(beta)")] }

    /// The exact summary of `model` (no samples).
    public func summary(of model: SpinModel, threads: Int = 1) throws -> ExactSummary {
        let (summary, _, _) = try solve(model, threads: threads)
        return summary
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let (summary, probabilities, diagonal) = try solve(model, threads: request.threads)
        var info: [(String, InfoValue)] = [
            ("log_z", .double(summary.logZ)), ("gamma", .double(gamma)),
            ("ground_energy", .double(summary.groundEnergy)),
            ("ground_state_count", .int(summary.groundStates.count)),
        ]
        if let d = diagonal {
            info.append(("quantum_ground_energy", .double(d.groundEnergy)))
            info.append(("chebyshev_terms", .int(d.terms)))
        }
        let states = try draw(probabilities, count: n, request)
        request.progress?(1, 1)
        return SpinSamples(states: states, energies: energies(of: states, model), info: info, exact: summary)
    }

    /// The summary, the probability of every basis state, and the expansion's details
    /// (nil when Γ = 0 and the state is diagonal).
    private func solve(_ model: SpinModel, threads: Int) throws -> (ExactSummary, [Double], QuantumDiagonal?) {
        let n = model.count
        guard n <= QuantumExactSolver.maxVariables else {
            throw IsingError("exact_quantum is limited to \(QuantumExactSolver.maxVariables) spins (a 4096 × 4096 Hamiltonian); this model has \(n)")
        }
        let dim = 1 << n
        let packed = PackedModel(model)
        var energy = [Double](repeating: 0, count: dim)
        var state = [Int8](repeating: -1, count: max(n, 1))
        for z in 0..<dim {
            for i in 0..<n { state[i] = (z >> i) & 1 == 1 ? 1 : -1 }
            energy[z] = state.withUnsafeBufferPointer { p in p.baseAddress.map { packed.energy($0) } ?? model.offset }
        }
        // Diagonal weights relative to exp(−β · reference), and that reference.
        var weights: [Double]
        var reference: Double
        var diagonal: QuantumDiagonal?
        let lowest = energy.min() ?? model.offset
        if gamma == 0 || n == 0 {
            reference = lowest
            weights = energy.map { exp(-beta * ($0 - lowest)) }
        } else {
            let d = try QuantumDiagonal(energies: energy, spins: n, gamma: gamma, beta: beta, threads: threads)
            weights = d.weights.map { max($0, 0) }
            reference = d.reference
            diagonal = d
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { throw IsingError("exact_quantum: the partition function is out of floating-point range") }
        let probabilities = weights.map { $0 / total }
        let logZ = -beta * reference + log(total)
        var magnetization = [Double](repeating: 0, count: n)
        var correlations = [Double](repeating: 0, count: n * n)
        for z in 0..<dim where probabilities[z] > 0 {
            let p = probabilities[z]
            for i in 0..<n {
                let si: Double = (z >> i) & 1 == 1 ? 1 : -1
                magnetization[i] += p * si
                for j in 0..<n { correlations[i * n + j] += p * si * ((z >> j) & 1 == 1 ? 1 : -1) }
            }
        }
        let tolerance = 1e-9 * max(abs(lowest), 1)
        let grounds: [[Int8]] = (0..<dim).filter { energy[$0] <= lowest + tolerance }.map { z in
            (0..<n).map { (z >> $0) & 1 == 1 ? 1 : -1 }
        }
        var summary = ExactSummary(beta: beta, logZ: logZ, groundEnergy: lowest, groundStates: grounds,
                                   magnetization: magnetization, correlations: correlations)
        summary.logProbabilities = probabilities.map { $0 > 0 ? log($0) : -.infinity }
        return (summary, probabilities, diagonal)
    }

    /// `reads` states drawn from the basis-state probabilities, read r with its own generator.
    private func draw(_ p: [Double], count n: Int, _ request: SampleRequest) throws -> [Int8] {
        let reads = request.reads
        var out = [Int8](repeating: 0, count: try stateBufferSize(reads: reads, count: n))
        guard n > 0, reads > 0 else { return out }
        var cumulative = [Double](repeating: 0, count: p.count)
        var run = 0.0
        for z in p.indices { run += p[z]; cumulative[z] = run }
        let last = p.lastIndex { $0 > 0 } ?? (p.count - 1)
        for r in 0..<reads {
            if r % 4096 == 0 && Cancellation.isRequested { throw CancelledError() }
            var g = Xoshiro256(seed: request.seed(forRead: r))
            let u = g.nextDouble() * run
            var lo = 0, hi = last
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
            }
            for i in 0..<n { out[r * n + i] = (lo >> i) & 1 == 1 ? 1 : -1 }
        }
        return out
    }
}
