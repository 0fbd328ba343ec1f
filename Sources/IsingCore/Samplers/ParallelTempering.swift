import Foundation

/// Parallel tempering (replica exchange): one Metropolis chain per inverse temperature
/// of a ladder; after every sweep of all replicas, neighbouring replicas try to swap
/// states with the Metropolis criterion min(1, exp((β_{k+1} − β_k)(E_{k+1} − E_k))),
/// the even pairs after even sweeps and the odd pairs after odd ones. Each read is an
/// independent run (seeded by `request.seed(forRead: r)`) and returns the state of the
/// coldest replica (β = max(betas)) at the end. The swap acceptance rate of each
/// neighbouring pair, over all reads, is reported as "swap_acceptance".
public struct ParallelTempering: Sampler {
    /// Number of replicas (the length of the ladder).
    public let replicas: Int
    /// The ladder, or nil for a geometric one over the default annealing range.
    public let betas: [Double]?
    /// Sweeps of every replica (each followed by a round of swap attempts).
    public let sweeps: Int

    /// A sampler; throws on replicas < 2, sweeps < 1, or a ladder with fewer than two
    /// values or values that are not finite and positive. A given ladder sets the
    /// replica count (and is sorted).
    public init(replicas: Int = 16, betas: [Double]? = nil, sweeps: Int = 1000) throws {
        try requireAtLeast(sweeps, 1, "sweeps")
        if let b = betas {
            guard b.count >= 2 else { throw IsingError("parallel tempering needs at least 2 betas, got \(b.count)") }
            for x in b { try requirePositive(x, "every beta") }
            self.betas = b.sorted()
            self.replicas = b.count
        } else {
            try requireAtLeast(replicas, 2, "replicas")
            guard replicas <= 100_000 else { throw IsingError("replicas must be at most 100000, got \(replicas)") }
            self.betas = nil
            self.replicas = replicas
        }
        self.sweeps = sweeps
    }

    public var name: String { "pt" }

    public var settings: [(String, String)] {
        [("replicas", "\(replicas)"), ("betas", betas.map { "\($0)" } ?? "default"), ("sweeps", "\(sweeps)")]
    }

    /// The ladder used on `model`, hottest first: the given one, or `replicas` values
    /// geometric between the default range's hot and cold β (dwave-samplers' rule).
    public func ladder(for model: SpinModel) throws -> (betas: [Double], reason: String) {
        if let betas { return (betas, "given") }
        let range = BetaRange.defaultRange(for: model)
        let b = try BetaSchedule.geometric.betas(hot: range.hot, cold: range.cold, count: replicas)
        return (b, "geometric over the default annealing range: " + range.reason)
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let (ladder, reason) = try self.ladder(for: model)
        let reads = request.reads
        let pairs = ladder.count - 1
        var info: [(String, InfoValue)] = [("betas", .doubles(ladder)), ("betas_reason", .string(reason)),
                                           ("sweeps", .int(sweeps))]
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: reads), info: info)
        }
        let out = SharedBuffer<Int8>(repeating: 0, count: try stateBufferSize(reads: reads, count: n))
        let counters = try stateBufferSize(reads: reads, count: pairs)
        let accepted = SharedBuffer<Int>(repeating: 0, count: counters)
        let attempted = SharedBuffer<Int>(repeating: 0, count: counters)
        let packed = PackedModel(model)
        let sweeps = self.sweeps
        try forEachRead(reads, threads: request.threads, progress: request.progress) { r in
            var rng = Xoshiro256(seed: request.seed(forRead: r))
            var chains: [ScalarChain] = []
            for _ in ladder {
                let c = ScalarChain(packed)
                // every replica starts from the read's initial state, or its own random one
                startState(request, read: r, count: n, into: c.spins, rng: &rng)
                c.refresh()
                chains.append(c)
            }
            for sweep in 0..<sweeps {
                if Cancellation.isRequested { throw CancelledError() }
                for k in 0..<ladder.count {
                    chains[k].sweep(beta: ladder[k], rule: .metropolis, order: .sequential, rng: &rng)
                }
                var k = sweep % 2
                while k < pairs {
                    let delta = (ladder[k + 1] - ladder[k]) * (chains[k + 1].energy - chains[k].energy)
                    attempted.pointer[r * pairs + k] += 1
                    if delta >= 0 || rng.nextDouble() < exp(delta) {
                        chains.swapAt(k, k + 1)
                        accepted.pointer[r * pairs + k] += 1
                    }
                    k += 2
                }
            }
            (out.pointer + r * n).update(from: chains[ladder.count - 1].spins, count: n)
        }
        var rates = [Double](repeating: 0, count: pairs)
        for k in 0..<pairs {
            var a = 0, t = 0
            for r in 0..<reads { a += accepted.pointer[r * pairs + k]; t += attempted.pointer[r * pairs + k] }
            rates[k] = t > 0 ? Double(a) / Double(t) : 0
        }
        info.append(("swap_acceptance", .doubles(rates)))
        let states = out.array
        return SpinSamples(states: states, energies: energies(of: states, model), info: info)
    }
}
