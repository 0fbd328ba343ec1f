import Foundation

/// Population annealing (Hukushima and Iba; Machta): a population of replicas starts
/// exactly at β = 0 (uniformly random states) and is carried through a rising β schedule.
/// At each step β_{t−1} → β_t every replica gets the weight w = exp(−(β_t − β_{t−1}) E),
/// the population is resampled in proportion to the weights (systematic resampling),
/// and each replica then runs `sweeps` Metropolis sweeps at β_t. The mean weights give
/// the free energy: log Z(β_T) = n log 2 + Σ_t log mean(w_t), reported as "log_z".
///
/// One run gives the whole population; `reads` states are drawn from the final
/// population (without replacement while reads ≤ population). Replica slot k has its own
/// generator (seeded by `request.seed(forRead: k)`) and resampling uses a separate one,
/// so results do not depend on the thread count. Initial states in the request are not
/// used: the method relies on starting from the exact β = 0 distribution.
public struct PopulationAnnealing: Sampler {
    /// Number of replicas.
    public let population: Int
    /// The schedule (0 is put in front when it does not start at 0), or nil for 0
    /// followed by `defaultSteps` values geometric over the default annealing range.
    public let betas: [Double]?
    /// Metropolis sweeps per replica after each β step.
    public let sweeps: Int

    /// The number of β values after 0 in the default schedule.
    public static let defaultSteps = 100

    /// A sampler; throws on population < 2, sweeps < 1, or an empty schedule or one with
    /// negative or non-finite values.
    public init(population: Int = 1000, betas: [Double]? = nil, sweeps: Int = 10) throws {
        try requireAtLeast(population, 2, "population")
        guard population <= 100_000_000 else { throw IsingError("population must be at most 100000000, got \(population)") }
        try requireAtLeast(sweeps, 1, "sweeps")
        if let b = betas {
            guard !b.isEmpty else { throw IsingError("the beta schedule of population annealing must not be empty") }
            for x in b where !(x.isFinite && x >= 0) {
                throw IsingError("population annealing betas must be finite and not negative, got \(x)")
            }
        }
        self.population = population
        self.betas = betas
        self.sweeps = sweeps
    }

    public var name: String { "pa" }

    public var settings: [(String, String)] {
        [("population", "\(population)"), ("betas", betas.map { "\($0.count) values" } ?? "default"),
         ("sweeps", "\(sweeps)")]
    }

    /// The schedule used on `model`, starting at 0.
    public func schedule(for model: SpinModel) throws -> [Double] {
        var list: [Double]
        if let betas {
            list = betas
        } else {
            let range = BetaRange.defaultRange(for: model)
            list = try BetaSchedule.geometric.betas(hot: range.hot, cold: range.cold, count: PopulationAnnealing.defaultSteps)
        }
        if list.first != 0 { list.insert(0, at: 0) }
        return list
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let schedule = try self.schedule(for: model)
        let reads = request.reads
        let R = population
        _ = try stateBufferSize(reads: 2 * R, count: n)
        let packed = PackedModel(model)
        var chains: [ScalarChain] = []
        var spare: [ScalarChain] = []
        chains.reserveCapacity(R)
        spare.reserveCapacity(R)
        let generators = SharedBuffer<Xoshiro256>(repeating: Xoshiro256(seed: UInt64(0)), count: R)
        let noInitial = SampleRequest(reads: R, seed: request.seed, threads: request.threads)
        for k in 0..<R {
            var g = Xoshiro256(seed: request.seed(forRead: k))
            let c = ScalarChain(packed)
            startState(noInitial, read: k, count: n, into: c.spins, rng: &g)
            c.refresh()
            chains.append(c)
            spare.append(ScalarChain(packed))
            generators.pointer[k] = g
        }
        var master = Xoshiro256(seed: request.seed ^ 0x5EED_0F9A_5EED_0000)
        var logZ = Double(n) * log(2.0)  // Z at β = 0: every state has weight 1
        var ess = Double(R)
        var minESS = Double(R)
        var weights = [Double](repeating: 0, count: R)
        var parents = [Int](repeating: 0, count: R)
        let sweeps = self.sweeps
        for t in 1..<schedule.count {
            if Cancellation.isRequested { throw CancelledError() }
            let dBeta = schedule[t] - schedule[t - 1]
            if dBeta != 0 {
                var top = -Double.infinity
                for k in 0..<R { weights[k] = -dBeta * chains[k].energy; top = max(top, weights[k]) }
                var sum = 0.0, squares = 0.0
                for k in 0..<R {
                    let w = exp(weights[k] - top)
                    weights[k] = w
                    sum += w
                    squares += w * w
                }
                logZ += top + log(sum / Double(R))
                ess = sum * sum / squares
                minESS = min(minESS, ess)
                // systematic resampling: R evenly spaced points with one random shift
                let step = sum / Double(R)
                var point = master.nextDouble() * step
                var cumulative = weights[0]
                var j = 0
                for k in 0..<R {
                    while point >= cumulative && j < R - 1 { j += 1; cumulative += weights[j] }
                    parents[k] = j
                    point += step
                }
                for k in 0..<R { spare[k].copy(from: chains[parents[k]]) }
                swap(&chains, &spare)
            }
            let beta = schedule[t]
            let current = chains
            try forEachRead(R, threads: request.threads) { k in
                let chain = current[k]
                let g = generators.pointer + k
                for _ in 0..<sweeps { chain.sweep(beta: beta, rule: .metropolis, order: .sequential, rng: &g.pointee) }
            }
        }
        // reads from the final (equally weighted) population
        var order = Array(0..<R)
        var picked: [Int] = []
        picked.reserveCapacity(reads)
        if reads <= R {
            for k in 0..<reads {
                let j = k + master.nextInt(below: R - k)
                order.swapAt(k, j)
                picked.append(order[k])
            }
        } else {
            for _ in 0..<reads { picked.append(master.nextInt(below: R)) }
        }
        var states: [Int8] = []
        states.reserveCapacity(try stateBufferSize(reads: reads, count: n))
        for k in picked { states.append(contentsOf: UnsafeBufferPointer(start: chains[k].spins, count: n)) }
        let info: [(String, InfoValue)] = [
            ("log_z", .double(logZ)),
            ("beta", .double(schedule[schedule.count - 1])),
            ("effective_population", .double(ess)),
            ("min_effective_population", .double(minESS)),
            ("population", .int(R)),
            ("steps", .int(schedule.count - 1)),
        ]
        let energies = n > 0 ? energies(of: states, model) : [Double](repeating: model.offset, count: reads)
        return SpinSamples(states: states, energies: energies, info: info)
    }
}
