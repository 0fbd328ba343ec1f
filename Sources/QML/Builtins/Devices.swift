import IsingCore

extension Arguments {
    /// Clamped values from a record {variable: ±1}; binary 0 reads as −1.
    func clampValues(_ i: Int) throws -> [(Label, Int8)] {
        let record = try record(i)
        var out: [(Label, Int8)] = []
        for (key, v) in zip(record.keys, record.values) {
            let label = try self.label(key)
            guard case .int(let x) = v, x == 1 || x == -1 || x == 0 else {
                throw error("the clamped value of \(label) must be -1 or +1 (or 0/1 for binaries), got \(ValueFormatter.describe(v, limit: 4))")
            }
            out.append((label, x > 0 ? 1 : -1))
        }
        return out
    }

    /// A (low, high) range around 0 from a 2-tuple or 2-list of numbers.
    func biasRange(_ i: Int) throws -> ClosedRange<Double> {
        let xs = try sequence(i)
        guard xs.count == 2, let lo = xs[0].asDouble, let hi = xs[1].asDouble, lo < 0, hi > 0, lo.isFinite, hi.isFinite else {
            throw error("`\(name(i))` must be a pair (low, high) with low < 0 < high, got \(ValueFormatter.describe(value(i), limit: 4))")
        }
        return lo...hi
    }

    /// A duration given in seconds (as unit literals such as 5us give), returned in µs.
    func microseconds(_ i: Int, within range: ClosedRange<Double>) throws -> Double {
        let seconds = try double(i)
        let micros = seconds * 1e6
        guard micros.isFinite, range.contains(micros) else {
            throw error("`\(name(i))` must be between \(range.lowerBound)us and \(range.upperBound)us, got \(seconds) s",
                        hint: "durations are in seconds; write them with a unit, e.g. 5us or 1ms")
        }
        return micros
    }
}

extension BuiltinRegistry {
    /// The annealer device model and the composites: annealer, clamped, spin_reversal, tiled, estimate_beta.
    static func registerDevices(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, _ body: () throws -> any Sampler) throws -> Value {
            do { return .object(SamplerValue(try body())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("annealer", [.optional("device", "\"dw2000q\""), .optional("graph"), .optional("schedule"), .optional("time"),
                           .optional("temperature"), .optional("h_range"), .optional("j_range"), .optional("auto_scale", "true"),
                           .optional("noise", "(h: 0.02, J: 0.01)"), .optional("readout_error", "0"),
                           .optional("programming_thermalization", "1000us"), .optional("readout_thermalization", "0us"),
                           .optional("dynamics", "\"freeze_out\""), .optional("freeze_out", "per device"), .optional("sweeps", "256"),
                           .optional("trotter", "16"), .optional("bias", "(h: 0.05, J: 0.035)")], topic: "annealer", doc: """
            A simulated quantum annealer: a sampler for problems on its hardware graph, with ranges, control noise and timing.
            Presets "dw2x" (C12 with 55 dead qubits, 5us, 15mK: seed 004's machine), "dw2000q" (C16, 16 dead, 20us, 12mK) and
            "advantage" (P16, 50 dead, h in (-4, 4)); any setting can be overridden. Each call auto-scales the problem to
            the ranges (or, with auto_scale: false, refuses biases outside them), adds the chip's persistent control
            errors `bias:` (h: sd, J: sd; one fixed offset per qubit and coupler) and fresh Gaussian errors `noise:`
            (h: sd, J: sd; drawn anew for each call) to the programmed biases, runs the dynamics, flips each readout with `readout_error`,
            and reports a simulated QPU time in `.timing` (µs). Dynamics: "freeze_out" (classical annealing with beta
            following B(s)/2 at the physical temperature up to the freeze-out point s*, then frozen; the default, fast;
            s* is 0.315 on "dw2x" and "dw2000q" and 0.313 on "advantage", where beta_eff is 2.55, 3.19 and 1.78),
            "sqa" (path-integral simulated quantum annealing of the whole schedule) or "qbm" (the quantum Boltzmann
            state at s*). The effective temperature is not given to learners; estimate_beta estimates it from samples.
            let qpu = annealer("dw2x"); sample(embed(H, emb), qpu, reads: 100, seed: 1)
            """) { args in
            do {
                var d = try DeviceSettings.preset(try args.string(0, default: "dw2000q"))
                if args.has(1) {
                    d.graph = try args.graph(1)
                    d.name = "custom"
                }
                if args.has(2) { d.schedule = try args.schedule(2) }
                if args.has(3) { d.annealTime = try args.microseconds(3, within: 0.5...2000) }
                if args.has(4) {
                    let t = try args.double(4)
                    guard t >= 1e-4, t <= 1 else { throw args.error("`temperature` must be between 0.1mK and 1K, got \(t) K", hint: "write it with a unit, e.g. 12mK") }
                    d.temperature = t
                }
                if args.has(5) { d.hRange = try args.biasRange(5) }
                if args.has(6) { d.jRange = try args.biasRange(6) }
                d.autoScale = try args.bool(7, default: true)
                if args.has(8) { (d.noiseH, d.noiseJ) = try args.errorSizes(8) }
                if args.has(16) { (d.biasH, d.biasJ) = try args.errorSizes(16) }
                d.readoutError = try args.double(9, default: 0)
                if args.has(10) { d.timing.programmingThermalization = try args.microseconds(10, within: 0...10_000) }
                if args.has(11) { d.timing.readoutThermalization = try args.microseconds(11, within: 0...10_000) }
                if args.has(12) {
                    let text = try args.string(12)
                    guard let dyn = DeviceSettings.Dynamics(rawValue: text) else {
                        throw args.error("`dynamics` must be \"freeze_out\", \"sqa\" or \"qbm\", got \"\(text)\"")
                    }
                    d.dynamics = dyn
                }
                d.freezeOut = try args.double(13, default: d.freezeOut)
                d.sweeps = try args.int(14, default: d.sweeps)
                d.trotter = try args.int(15, default: d.trotter)
                let device = try d.make()
                return .object(SamplerValue(device))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("clamped", [.required("sampler"), .required("values"), .optional("strength", "device h range top, else exact")],
              topic: "composites", doc: """
            A sampler that holds some variables at given values: {variable: +1 or -1}.
            With `strength:` each clamped variable gets a strong field pulling it to its value (as on an annealer,
            where seed 004 clamps with the top of the h range; that is the default for annealer samplers), and
            info.clamp_violations counts samples where one read back otherwise. For other samplers the default is
            exact conditioning: the variables are fixed and the rest sampled from the conditional distribution.
            sample(H, clamped(sa(), {0: 1, 3: -1}), reads: 100, seed: 1)
            """) { args in
            let inner = try args.sampler(0)
            let values = try args.clampValues(1)
            var strength = ClampedSampler.defaultStrength(for: inner)
            if args.has(2) {
                if case .string(let s) = args.value(2), s.value == "exact" { strength = nil } else { strength = try args.double(2) }
            }
            return try make(args) { try ClampedSampler(inner: inner, values: values, strength: strength) }
        }
        r.add("spin_reversal", [.required("sampler"), .optional("transforms", "8")], topic: "composites", doc: """
            A sampler that averages out qubit-level biases with spin-reversal (gauge) transforms.
            The reads are split across `transforms` runs, each on the model with a seeded random set of spins renamed
            s -> -s, and the samples are flipped back.
            sample(H, spin_reversal(annealer("dw2x"), transforms: 4), reads: 100, seed: 2)
            """) { args in
            let inner = try args.sampler(0)
            let transforms = try args.int(1, default: 8)
            return try make(args) { try SpinReversalSampler(inner: inner, transforms: transforms) }
        }
        r.add("postprocessed", [.required("sampler"), .required("chains"), .optional("sweeps", "1"), .optional("beta", "1.0")],
              topic: "composites", doc: """
            A sampler that post-processes another's reads on the logical problem its chains define (the 2000Q's "sampling" post-processing).
            `chains` is an Embedding (its chains of qubits) or a list of lists of qubits. Each read is read back chain by chain
            by majority vote, then `sweeps` Gibbs sweeps at inverse temperature `beta` run on the chain-level problem (the
            fields of each chain's qubits summed, the couplings between two chains summed), and each chain's value is written
            to all its qubits, so every returned chain is whole. Qubits outside the chains count as chains of one. Many sweeps
            approach the chain-level Boltzmann distribution at `beta`; one or a few keep close to the inner sampler's reads.
            info has postprocess.chain_break_fraction (the chains found broken before post-processing).
            let qpu = annealer("dw2000q"); sample(embed(H, emb), postprocessed(qpu, emb, sweeps: 2, beta: 1), reads: 100, seed: 1)
            """) { args in
            let inner = try args.sampler(0)
            let sweeps = try args.int(2, default: 1)
            let beta = try args.double(3, default: 1)
            if case .list(let lists) = args.value(1) {
                let chains = try lists.map { v -> [Label] in
                    guard case .list(let qubits) = v else {
                        throw args.error("`chains` must be an Embedding or a list of lists of qubits, got a list holding \(v.typeName)")
                    }
                    return try qubits.map { try args.label($0, what: "qubit") }
                }
                return try make(args) { try SamplingPostprocessor(inner: inner, chains: chains, sweeps: sweeps, beta: beta) }
            }
            let e = try args.embedding(1)
            return try make(args) { try SamplingPostprocessor(inner: inner, embedding: e, sweeps: sweeps, beta: beta) }
        }
        r.add("tiled", [.required("sampler"), .optional("copies", "all that fit")], topic: "composites", doc: """
            A sampler that runs many copies of a small problem side by side on one Chimera annealer in one call.
            The problem must sit on the device's qubits (a few unit cells); it is copied, shifted by whole unit cells, to
            every block where all its qubits and couplers work, and each anneal yields one sample per copy.
            let qpu = annealer("dw2000q"); sample(random_ising(chimera(1), seed: 1), tiled(qpu), reads: 1000, seed: 1)
            """) { args in
            let inner = try args.sampler(0)
            let copies = args.has(1) ? try args.int(1) : nil
            return try make(args) { try TiledSampler(inner: inner, copies: copies) }
        }
        r.add("estimate_beta", [.required("samples"), .required("H")], topic: "composites", doc: """
            The inverse temperature at which samples best fit a Boltzmann distribution of H (maximum pseudo-likelihood).
            An annealer's effective temperature is unknown to a learner; this estimates it from its samples.
            estimate_beta(sample(H, gibbs(beta: 2), reads: 2000, seed: 1), H)   # close to 2
            """) { args in
            let samples = try args.sampleSet(0)
            let model = try args.hamiltonian(1)
            let spin = model.spinModel()
            var states = [Int8](repeating: 0, count: samples.size * spin.count)
            let columns = try spin.labels.map { label -> Int in
                guard let c = samples.variables.firstIndex(of: label) else {
                    throw args.error("the samples have no variable \(label) of H", hint: "pass samples of the same model")
                }
                return c
            }
            let width = samples.variables.count
            for r in 0..<samples.size {
                for (i, c) in columns.enumerated() {
                    let v = samples.states[r * width + c]
                    states[r * spin.count + i] = samples.vartype == .binary ? (v > 0 ? 1 : -1) : v
                }
            }
            do {
                return .float(try BetaEstimation.pseudoLikelihoodBeta(spin, states: states, counts: samples.counts))
            } catch let e as IsingError { throw args.error(e.message) }
        }
    }
}

extension Arguments {
    /// A control-error size for h and J: a record (h: sd, J: sd) (a missing part is 0) or one
    /// number for both.
    func errorSizes(_ i: Int) throws -> (h: Double, j: Double) {
        switch value(i) {
        case .record(let rec):
            for key in rec.stringKeys where key != "h" && key != "J" {
                throw error("`\(name(i))` has no part `\(key)`", hint: "write \(name(i)): (h: 0.02, J: 0.01) or one number for both")
            }
            return (rec.get("h")?.asDouble ?? 0, rec.get("J")?.asDouble ?? 0)
        default:
            let x = try double(i)
            return (x, x)
        }
    }
}
