import Foundation

/// Fixed-temperature Markov chain Monte Carlo: one Gibbs (heat-bath) or Metropolis chain
/// per read at inverse temperature `beta`, started from the request's initial state (so
/// chains persist across calls when a learner passes the last states back) or a random
/// one, run for `burnIn + sweeps` sweeps; each read is its chain's final state.
///
/// Sequential-scan chains run 16 at a time in SIMD lanes (the annealing kernel with a
/// flat schedule, Float fields); random-scan chains run one at a time in Double. Either
/// way read r is seeded by `request.seed(forRead: r)`, so results do not depend on the
/// thread count. `trace` returns a whole chain for autocorrelation studies.
public struct MCMCSampler: Sampler {
    /// Gibbs (heat-bath) or Metropolis updates.
    public let kind: UpdateRule
    /// Sweeps (n single-spin updates each) after burn-in.
    public let sweeps: Int
    /// The fixed inverse temperature.
    public let beta: Double
    /// Sweeps run before anything is recorded.
    public let burnIn: Int
    /// In a trace, one state is recorded every `thin` sweeps.
    public let thin: Int
    /// Sequential (index order) or random site selection.
    public let scan: ScanOrder

    /// A sampler; throws on sweeps < 1, burnIn < 0, thin < 1 or β not a finite positive number.
    public init(kind: UpdateRule = .gibbs, sweeps: Int = 1000, beta: Double = 1, burnIn: Int = 0, thin: Int = 1,
                scan: ScanOrder = .sequential) throws {
        try requireAtLeast(sweeps, 1, "sweeps")
        try requireAtLeast(burnIn, 0, "burn_in")
        try requireAtLeast(thin, 1, "thin")
        try requirePositive(beta, "beta")
        guard burnIn <= Int.max / 2 - sweeps else { throw IsingError("burn_in + sweeps is too large") }
        self.kind = kind
        self.sweeps = sweeps
        self.beta = beta
        self.burnIn = burnIn
        self.thin = thin
        self.scan = scan
    }

    public var name: String { kind == .gibbs ? "gibbs" : "metropolis" }

    public var settings: [(String, String)] {
        [("sweeps", "\(sweeps)"), ("beta", "\(beta)"), ("burn_in", "\(burnIn)"), ("thin", "\(thin)"),
         ("scan", scan.rawValue)]
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let reads = request.reads
        let info: [(String, InfoValue)] = [("beta", .double(beta)), ("sweeps", .int(sweeps)), ("burn_in", .int(burnIn)),
                                            ("scan", .string(scan.rawValue))]
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: reads), info: info)
        }
        let total = burnIn + sweeps
        if scan == .sequential {
            let betas = BetaSequence(count: total, rule: .constant(beta))
            let states = try annealInLanes(model, betas: betas, rule: kind, request)
            return SpinSamples(states: states, energies: energies(of: states, model), info: info)
        }
        let out = SharedBuffer<Int8>(repeating: 0, count: try stateBufferSize(reads: reads, count: n))
        let packed = PackedModel(model)
        let (beta, kind, scan) = (self.beta, self.kind, self.scan)
        try forEachRead(reads, threads: request.threads, progress: request.progress) { r in
            var rng = Xoshiro256(seed: request.seed(forRead: r))
            let chain = ScalarChain(packed)
            startState(request, read: r, count: n, into: chain.spins, rng: &rng)
            chain.refresh()
            for _ in 0..<total {
                if Cancellation.isRequested { throw CancelledError() }
                chain.sweep(beta: beta, rule: kind, order: scan, rng: &rng)
            }
            (out.pointer + r * n).update(from: chain.spins, count: n)
        }
        let states = out.array
        return SpinSamples(states: states, energies: energies(of: states, model), info: info)
    }

    /// One chain's trace: after `burnIn` sweeps, the state every `thin` sweeps for
    /// `sweeps` sweeps (⌊sweeps / thin⌋ states), with energies. The chain is seeded by
    /// `seed` and starts from `initial` (±1 per variable) or a random state. Always a
    /// Double-precision chain, in the configured scan order.
    public func trace(_ model: SpinModel, seed: UInt64, initial: [Int8]? = nil) throws -> SpinSamples {
        let n = model.count
        let request = SampleRequest(reads: 1, seed: seed, threads: 1, initial: initial)
        try validate(request, count: n)
        let recorded = sweeps / thin
        var states: [Int8] = []
        states.reserveCapacity(try stateBufferSize(reads: recorded, count: n))
        var energies: [Double] = []
        energies.reserveCapacity(recorded)
        let packed = PackedModel(model)
        let chain = ScalarChain(packed)
        var rng = Xoshiro256(seed: request.seed(forRead: 0))
        startState(request, read: 0, count: n, into: chain.spins, rng: &rng)
        chain.refresh()
        for step in 1...(burnIn + sweeps) {
            if Cancellation.isRequested { throw CancelledError() }
            chain.sweep(beta: beta, rule: kind, order: scan, rng: &rng)
            let after = step - burnIn
            if after > 0 && after % thin == 0 {
                states.append(contentsOf: UnsafeBufferPointer(start: chain.spins, count: n))
                energies.append(packed.energy(chain.spins))
            }
        }
        return SpinSamples(states: states, energies: energies,
                           info: [("beta", .double(beta)), ("burn_in", .int(burnIn)), ("thin", .int(thin))])
    }

    /// `trace` for any binary quadratic model, as a sample set in the model's vartype.
    public func trace(_ model: BinaryQuadraticModel, seed: UInt64, initial: [Int8]? = nil) throws -> SampleSet {
        let raw = try trace(model.spinModel(), seed: seed, initial: initial)
        var states = raw.states
        if model.vartype == .binary { for k in states.indices { states[k] = states[k] > 0 ? 1 : 0 } }
        return SampleSet(variables: model.variables, vartype: model.vartype, states: states, energies: raw.energies,
                         info: [("sampler", .string(name))] + raw.info)
    }
}
