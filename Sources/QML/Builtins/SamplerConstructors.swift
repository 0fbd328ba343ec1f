import IsingCore

extension Arguments {
    /// A list of inverse temperatures.
    func betas(_ i: Int) throws -> [Double]? {
        guard has(i) else { return nil }
        return try doubles(i)
    }

    /// An update rule by name.
    func updateRule(_ i: Int, default d: UpdateRule) throws -> UpdateRule {
        guard has(i) else { return d }
        let text = try string(i)
        guard let rule = UpdateRule(rawValue: text) else { throw error("`\(name(i))` must be \"metropolis\" or \"gibbs\", got \"\(text)\"") }
        return rule
    }
}

extension BuiltinRegistry {
    /// exact, gibbs, metropolis, sa, pt, pa, greedy.
    static func registerSamplers(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, _ body: () throws -> any Sampler) throws -> Value {
            do { return .object(SamplerValue(try body())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("exact", [.optional("beta", "1.0"), .optional("gamma", "0")], topic: "samplers", doc: """
            Exact enumeration of every state (Gray code, up to 30 variables) at inverse temperature beta.
            Its sample sets know log_z, ground_energy, ground_states and the exact magnetization and correlations;
            `reads:` draws exact Boltzmann samples. With `gamma:` it is exact_quantum(gamma:, beta:).
            let s = sample(H, exact(beta: 1.0), reads: 1000, seed: 1); s.log_z
            """) { args in
            let beta = try args.double(0, default: 1)
            if args.has(1) {
                let gamma = try args.double(1)
                return try make(args) { try QuantumExactSolver(gamma: gamma, beta: beta) }
            }
            return try make(args) { try ExactSolver(beta: beta) }
        }
        func mcmc(_ name: String, _ rule: UpdateRule, _ doc: String) {
            r.add(name, [.optional("sweeps", "1000"), .optional("beta", "1.0"), .optional("burn_in", "0"), .optional("thin", "1"),
                         .optional("scan", "\"sequential\"")], topic: "samplers", doc: doc) { args in
                let sweeps = try args.int(0, default: 1000), beta = try args.double(1, default: 1)
                let burnIn = try args.int(2, default: 0), thin = try args.int(3, default: 1)
                let scanText = try args.string(4, default: "sequential")
                guard let scan = ScanOrder(rawValue: scanText) else { throw args.error("`scan` must be \"sequential\" or \"random\", got \"\(scanText)\"") }
                return try make(args) { try MCMCSampler(kind: rule, sweeps: sweeps, beta: beta, burnIn: burnIn, thin: thin, scan: scan) }
            }
        }
        mcmc("gibbs", .gibbs, """
            Gibbs sampling at a fixed inverse temperature: each read is one chain of `sweeps` sweeps (after `burn_in`).
            Each spin is set to +1 with probability 1 / (1 + exp(2 beta field)); `scan:` is "sequential" or "random".
            sample(H, gibbs(sweeps: 200, beta: 1.0), reads: 1000, seed: 3)
            """)
        mcmc("metropolis", .metropolis, """
            Metropolis sampling at a fixed inverse temperature: each read is one chain of `sweeps` sweeps.
            A flip is accepted with probability min(1, exp(-beta dE)); `scan:` is "sequential" or "random".
            """)
        r.add("sa", [.optional("sweeps", "1000"), .optional("beta_range", "auto"), .optional("schedule", "\"geometric\""),
                     .optional("proposal", "\"metropolis\"")], topic: "samplers", doc: """
            Simulated annealing: each read anneals from a hot to a cold inverse temperature over `sweeps` sweeps.
            Without `beta_range` the range is chosen from the model as dwave-samplers does and reported in `info`.
            `schedule:` is "geometric", "linear" or a list of betas (one per sweep); `proposal:` "metropolis" or "gibbs".
            sample(H, sa(sweeps: 1000), reads: 100, seed: 7)
            """) { args in
            let sweeps = try args.int(0, default: 1000)
            var range: (Double, Double)?
            if args.has(1) {
                let pair = try args.doubles(1)
                guard pair.count == 2 else { throw args.error("`beta_range` must be (hot, cold)") }
                range = (pair[0], pair[1])
            }
            var schedule = BetaSchedule.geometric
            switch args.value(2) {
            case .null: break
            case .string(let s):
                switch s.value {
                case "geometric": schedule = .geometric
                case "linear": schedule = .linear
                default: throw args.error("`schedule` must be \"geometric\", \"linear\" or a list of betas, got \"\(s.value)\"")
                }
            default:
                schedule = .custom(try args.doubles(2))
            }
            let proposal = try args.updateRule(3, default: .metropolis)
            var steps = sweeps
            if case .custom(let b) = schedule, !args.has(0) { steps = b.count }   // one sweep per listed beta
            return try make(args) { try SimulatedAnnealing(sweeps: steps, betaRange: range, schedule: schedule, proposal: proposal) }
        }
        r.add("pt", [.optional("replicas", "16"), .optional("betas", "auto"), .optional("sweeps", "1000")], topic: "samplers", doc: """
            Parallel tempering: replicas at a ladder of inverse temperatures exchange states; reads come from the coldest.
            pt(replicas: 8, betas: linspace(0.1, 1.0, 8), sweeps: 500)
            """) { args in
            let replicas = try args.int(0, default: 16), betas = try args.betas(1), sweeps = try args.int(2, default: 1000)
            return try make(args) { try ParallelTempering(replicas: betas?.count ?? replicas, betas: betas, sweeps: sweeps) }
        }
        r.add("pa", [.optional("population", "1000"), .optional("betas", "auto"), .optional("sweeps", "10")], topic: "samplers", doc: """
            Population annealing: a population is annealed from beta = 0 and resampled at each step; info has log_z.
            pa(population: 2000, betas: linspace(0, 1, 21), sweeps: 5)
            """) { args in
            let population = try args.int(0, default: 1000), betas = try args.betas(1), sweeps = try args.int(2, default: 10)
            return try make(args) { try PopulationAnnealing(population: population, betas: betas, sweeps: sweeps) }
        }
        r.add("greedy", [], topic: "samplers", doc: """
            Steepest descent from random (or given) starting states to a local minimum.
            """) { args in
            try make(args) { GreedyDescent() }
        }

        r.add("chain", [.required("H"), .required("sampler"), .optional("seed", "0"), .optional("initial")], topic: "samplers", doc: """
            The whole trace of one Gibbs or Metropolis chain: a sample set with one row per recorded state.
            States are recorded every `thin` sweeps after `burn_in`, for autocorrelation_time and ess.
            let c = chain(H, gibbs(sweeps: 2000, beta: 0.5), seed: 1); ess(map(c, |row| row.energy))
            """) { args in
            let model = try args.hamiltonian(0)
            guard let mcmc = try args.sampler(1) as? MCMCSampler else {
                throw args.error("`sampler` must be gibbs(...) or metropolis(...)")
            }
            let seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            var initial: [Int8]?
            if args.has(3) {
                var st = try readState(args.value(3), variables: model.variables, vartype: model.vartype,
                                       index: { model.index(of: $0) }, what: "initial state")
                if model.vartype == .binary { st = st.map { $0 > 0 ? 1 : -1 } }
                initial = st
            }
            do {
                return .object(SampleSetValue(try mcmc.trace(model, seed: UInt64(bitPattern: Int64(seed)), initial: initial)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("binder", [.required("samples")], topic: "observables", doc: """
            The Binder cumulant U = 1 - <m^4> / (3 <m^2>^2) of the magnetisation per spin over a sample set's reads.
            """) { args in
            do { return .float(try Observables.binderCumulant(try args.sampleSet(0))) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("autocorrelation_time", [.required("series"), .optional("window", "5.0")], topic: "observables", doc: """
            The integrated autocorrelation time of a series (Sokal's automatic window), in steps of the series.
            """) { args in
            do { return .float(try Observables.integratedAutocorrelationTime(try args.doubles(0), window: try args.double(1, default: 5))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("ess", [.required("series"), .optional("window", "5.0")], topic: "observables", doc: """
            The effective sample size of a correlated series: its length divided by twice the autocorrelation time.
            """) { args in
            do { return .float(try Observables.effectiveSampleSize(try args.doubles(0), window: try args.double(1, default: 5))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("overlaps", [.required("samples"), .optional("bins", "auto")], topic: "observables", doc: """
            The replica-overlap distribution of a sample set: a record with `edges` and `counts` of q over pairs of reads.
            """) { args in
            do {
                let h = try Observables.overlapDistribution(try args.sampleSet(0))
                return .record(RecordBox([("edges", .list(h.edges.map { .float($0) })), ("counts", .list(h.counts.map { .float($0) }))]))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("energy_histogram", [.required("samples"), .optional("bins", "20")], topic: "observables", doc: """
            A histogram of a sample set's energies: a record with `edges` and `counts`.
            """) { args in
            do {
                let h = try Observables.energyHistogram(try args.sampleSet(0), bins: try args.int(1, default: 20))
                return .record(RecordBox([("edges", .list(h.edges.map { .float($0) })), ("counts", .list(h.counts.map { .float($0) }))]))
            } catch let e as IsingError { throw args.error(e.message) }
        }
    }
}
