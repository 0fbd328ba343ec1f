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
}

extension BuiltinRegistry {
    /// The annealer device model and the composites: annealer, clamped, spin_reversal, tiled, estimate_beta.
    static func registerDevices(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, _ body: () throws -> any Sampler) throws -> Value {
            do { return .object(SamplerValue(try body())) } catch let e as IsingError { throw args.error(e.message) }
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
            Spin-reversal (gauge) transforms: the reads are split across `transforms` runs, each on the model with a
            seeded random set of spins renamed s -> -s, and flipped back. It averages out qubit-level biases of an annealer.
            sample(H, spin_reversal(annealer("dw2x"), transforms: 4), reads: 100, seed: 2)
            """) { args in
            let inner = try args.sampler(0)
            let transforms = try args.int(1, default: 8)
            return try make(args) { try SpinReversalSampler(inner: inner, transforms: transforms) }
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
