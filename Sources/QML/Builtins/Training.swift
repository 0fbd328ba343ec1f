import IsingCore
import Learning

extension Arguments {
    /// Rows of ±1 values from a data set or a sample set (weighted rows repeated by count).
    func rowsOfSpins(_ i: Int) throws -> Dataset {
        if isDataset(i) { return try dataset(i) }
        if case .object(let o as SampleSetValue) = value(i) {
            let s = o.samples
            let n = s.variables.count
            var values: [Double] = []
            for r in 0..<s.size {
                let row = s.state(r).map { s.vartype == .binary ? Double(2 * Int($0) - 1) : Double($0) }
                for _ in 0..<s.counts[r] { values += row }
            }
            do { return try Dataset(values: values, dimension: n, name: "samples") } catch let e as IsingError { throw error(e.message) }
        }
        throw error("`\(name(i))` must be a Dataset or a SampleSet, got \(value(i).typeName)")
    }

    /// How known values are clamped: "fix" or a field strength.
    func clampMode(_ i: Int) throws -> ClampMode {
        switch value(i) {
        case .null: return .automatic
        case .string(let s) where s.value == "auto": return .automatic
        case .string(let s) where s.value == "fix": return .fix
        case .int, .float: return .field(try double(i))
        default: throw error("`\(name(i))` must be \"auto\", \"fix\" (remove the clamped variables) or a field strength such as 5.0")
        }
    }

    /// The sampler argument `i`, or exact() for models small enough to enumerate.
    func samplerOrExact(_ i: Int, variables: Int) throws -> any Sampler {
        if has(i) { return try sampler(i) }
        guard variables <= 20 else {
            throw error("give a sampler for a model of \(variables) variables", hint: "sampler: sa(sweeps: 1000), gibbs(sweeps: 100), or an annealer")
        }
        return try ExactSolver(beta: 1)
    }

    /// A trainable model argument (an fvbm, or another model family's value).
    func trainable(_ i: Int) throws -> any TrainableModel {
        guard case .object(let o) = value(i), let t = o as? TrainableValue else {
            throw error("`\(name(i))` must be a trainable model, got \(value(i).typeName)", hint: "make one with fvbm(complete(n))")
        }
        return t.trainable
    }
}

extension BuiltinRegistry {
    /// The language value of a model loaded from a file or checkpoint.
    static func modelValue(_ model: any TrainableModel) -> Value? {
        if let m = model as? VisibleBoltzmannMachine { return .object(BoltzmannValue(m)) }
        if let m = model as? HelmholtzMachine { return .object(HelmholtzValue(m)) }
        if let m = model as? RBMTrainable { return .object(RBMValue(m)) }
        return nil
    }

    /// Visible Boltzmann machines and training loops.
    static func registerTraining(into r: inout BuiltinRegistry) {
        r.add("fvbm", [.required("graph"), .optional("seed", "0"), .optional("init", "1e-6")], topic: "learning", doc: """
            A fully visible Boltzmann machine: a field per node and a coupling per edge of a graph, or on an embedding's qubits.
            Energies follow ising(): E(s) = sum h_i s_i + sum J_ij s_i s_j. Parameters start uniform in [-init, init].
            From an embedding the model has every hardware coupling between the chains' qubits, encodes logical data
            onto the chains (copies) and decodes samples by majority vote, as in seed 004.
            let m = fvbm(complete(42)); let e = fvbm(find_embedding(complete(15), chimera(4), seed: 1))
            """) { args in
            let seed = try args.seed(1) ?? 0
            let scale = try args.double(2, default: 1e-6)
            if case .object(let o as EmbeddingValue) = args.value(0) {
                return .object(BoltzmannValue(try native(args) { try VisibleBoltzmannMachine(embedding: o.embedding, initialScale: scale, seed: seed) }))
            }
            guard case .object(let g as GraphValue) = args.value(0) else {
                throw args.error("`graph` must be a Graph or an Embedding, got \(args.value(0).typeName)", hint: "fvbm(complete(42))")
            }
            return .object(BoltzmannValue(try native(args) { try VisibleBoltzmannMachine(graph: g.graph, initialScale: scale, seed: seed) }))
        }
        r.add("load_model", [.required("path")], topic: "learning", doc: """
            Reads a model saved with m.save(path).
            let m = load_model("bas.json")
            """) { args in
            let path = try args.string(0)
            let model = try native(args) { try ModelRegistry.load(try JSON.parse(try FileIO.readText(path), name: path)) }
            guard let v = modelValue(model) else { throw args.error("\(path) holds a \(model.kind) model, which this build cannot show") }
            return v
        }
        r.add("train", [.required("model"), .required("data"), .optional("sampler", "exact() up to 20 variables"),
                        .optional("reads", "100"), .optional("lr", "0.0025"), .optional("l2", "1e-5"), .optional("momentum", "0.5"),
                        .optional("batch", "all rows"), .optional("steps", "1000"), .optional("seed", "0"),
                        .optional("stop_outside"), .optional("checkpoint"), .optional("every", "100"), .optional("threads", "cores"),
                        .optional("epochs")],
              topic: "learning", doc: """
            A training loop (gray-box learning, seed 004): positive phase from the data, negative phase from `reads` samples.
            Each step updates v = momentum v + lr (g - l2 J), theta += v with g = <s>_model - <s>_data for fields and
            <s_i s_j>_model - <s_i s_j>_data for couplings; exact() gives the exact gradient. Defaults are seed 004's Table III.
            `stop_outside: (h: (-2, 2), J: (-1, 1))` stops before a parameter leaves its range (true: an annealer's own ranges,
            or these D-Wave 2X ranges for other samplers);
            `checkpoint: "run.json"` saves every `every` steps. Nothing runs until .run().
            `lr:` a number or a schedule such as linear_decay(0.005, 0.0005, 1000) (per step; kept in checkpoints);
            `epochs:` instead of `steps:` runs that many passes over the data.
            Helmholtz machines train by wake-sleep (seed 002): `reads` prior samples are dreamed per step, data may be a
            tensor of rows, and momentum and l2 default to 0; with an annealer and a prior on an embedding's qubits the
            prior's parameters are kept within the device's ranges.
            let loop = train(fvbm(complete(42)), bas, sampler: sa(sweeps: 200), reads: 96, steps: 3850); loop.run()
            """) { args in
            let model = try args.trainable(0)
            let data = try args.dataset(1)
            let helmholtz = model as? HelmholtzMachine
            let variables = helmholtz?.prior.count ?? model.parameterGroups.first?.range.count ?? 0
            let sampler = try args.samplerOrExact(2, variables: variables)
            var hyper = HyperParameters()
            hyper.reads = try args.int(3, default: 100)
            if case .object(let o as LearningRateValue) = args.value(4) {
                hyper.schedule = try native(args) { try o.schedule.validated() }
                hyper.learningRate = o.schedule.rate(at: 0)
            } else {
                hyper.learningRate = try args.double(4, default: 0.0025)
            }
            hyper.l2 = try args.double(5, default: helmholtz == nil ? 1e-5 : 0)
            hyper.momentum = try args.double(6, default: helmholtz == nil ? 0.5 : 0)
            for (k, v) in [(4, hyper.learningRate), (5, hyper.l2), (6, hyper.momentum)] where !(v.isFinite && v >= 0) {
                throw args.error("`\(args.name(k))` must be a non-negative number")
            }
            guard hyper.reads >= 1, hyper.reads <= 10_000_000 else { throw args.error("`reads` must be between 1 and 10000000") }
            var settings = TrainingSettings(hyper: hyper)
            settings.batchSize = args.has(7) ? try args.int(7) : nil
            settings.steps = try args.int(8, default: 1000)
            if args.has(14) {
                guard !args.has(8) else { throw args.error("give `steps` or `epochs`, not both") }
                let epochs = try args.int(14)
                guard epochs >= 0, epochs <= 10_000_000 else { throw args.error("`epochs` must be between 0 and 10000000, got \(epochs)") }
                let b = min(settings.batchSize ?? data.count, data.count)
                guard b >= 1 else { throw args.error("the batch size must be at least 1") }
                settings.steps = epochs * ((data.count + b - 1) / b)
            }
            settings.seed = try args.seed(9) ?? 0
            switch args.value(10) {
            case .null, .bool(false): break
            case .bool(true):
                if let device = rangeLimitedDevice(of: sampler) {
                    settings.stopOutside = ["h": device.hRange, "J": device.jRange]
                } else {
                    settings.stopOutside = ["h": -2...2, "J": -1...1]
                }
            case .record(let rec):
                for k in 0..<rec.count {
                    guard let name = rec.keys[k].asString, let items = try rec.values[k].iterated(), items.count == 2,
                          let lo = items[0].asDouble, let hi = items[1].asDouble, lo <= hi else {
                        throw args.error("`stop_outside` maps parameter names to (low, high) ranges", hint: "stop_outside: {h: (-2, 2), J: (-1, 1)}")
                    }
                    settings.stopOutside[name] = lo...hi
                }
            default: throw args.error("`stop_outside` must be a record such as {h: (-2, 2), J: (-1, 1)} or true")
            }
            settings.checkpointPath = args.has(11) ? try args.string(11) : nil
            settings.checkpointEvery = try args.int(12, default: 100)
            settings.threads = try args.int(13, default: defaultThreadCount)
            guard settings.threads >= 1, settings.threads <= 1024 else { throw args.error("`threads` must be between 1 and 1024") }
            if let helmholtz, helmholtz.hasPhysicalPrior, let device = rangeLimitedDevice(of: sampler) {
                helmholtz.priorRanges = (device.hRange, device.jRange)
            }
            let loop = try native(args) { try TrainingLoop(model: model, data: data, sampler: sampler, settings: settings) }
            return .object(TrainingLoopValue(loop, model: args.value(0)))
        }
        r.add("resume", [.required("path"), .optional("sampler", "exact() if it was exact"), .optional("data", "the checkpoint's copy")],
              topic: "learning", doc: """
            A training loop continued from a checkpoint, ending bit-for-bit where the uninterrupted run would.
            It has the same model, momentum, step and history. Give the sampler the run used (exact() is rebuilt by itself, and
            RBM runs with method "cd" or "pcd" need none);
            training sets of more than 2 million values are not copied into checkpoints and are given again with `data:`.
            let loop = resume("run.json", sampler: sa(sweeps: 200)); loop.run()
            """) { args in
            let path = try args.string(0)
            let contents = try native(args) { try Checkpoint.read(path) }
            let sampler: any Sampler
            if let chains = try rbmResumeSampler(contents, args) {
                sampler = chains
            } else if args.has(1) {
                sampler = try args.sampler(1)
                guard sampler.name == contents.samplerName, sampler.settings.map(\.1) == contents.samplerSettings.map(\.1) else {
                    throw args.error("the checkpoint was made with \(contents.samplerName)(" + contents.samplerSettings.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")",
                                     hint: "resume with the same sampler to continue the run exactly")
                }
            } else if contents.samplerName == "exact" {
                let beta = contents.samplerSettings.first { $0.0 == "beta" }.flatMap { Double($0.1) } ?? 1
                sampler = try native(args) { try ExactSolver(beta: beta) }
            } else {
                throw args.error("give the sampler the run used: \(contents.samplerName)(...)", hint: "resume(\"\(path)\", sampler: ...)")
            }
            let data = args.has(2) ? try args.dataset(2) : nil
            let loop = try native(args) { try Checkpoint.resume(contents, sampler: sampler, data: data) }
            (contents.model as? RBMTrainable)?.useSampler(sampler, reads: contents.settings.hyper.reads)
            guard let model = modelValue(contents.model) else { throw args.error("this build cannot show a \(contents.model.kind) model") }
            return .object(TrainingLoopValue(loop, model: model))
        }
        registerModelUse(into: &r)
        registerLearningMetrics(into: &r)
    }
}
