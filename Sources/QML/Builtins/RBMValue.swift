import Display
import Foundation
import IsingCore
import Learning

/// A restricted Boltzmann machine as a language value (a Model).
final class RBMValue: NativeValue, FigureSource {
    let rbm: RBM
    /// The machine as a model of the generic training loop, with its negative phase: each
    /// `train(...)` makes a new one (its own phase and chains) over the same parameters.
    var loopModel: RBMTrainable
    init(_ rbm: RBM) {
        self.rbm = rbm
        loopModel = RBMTrainable(rbm)
    }

    /// The machine of a training loop (for example one resumed from a checkpoint).
    init(_ model: RBMTrainable) {
        rbm = model.rbm
        loopModel = model
    }

    override var typeName: String { "Model" }
    override var summary: String {
        var parts = ["\(rbm.visible)", "\(rbm.hidden)"]
        if rbm.units == .spin { parts.append("units: \"spin\"") }
        if rbm.labels > 0 { parts.append("labels: \(rbm.labels)") }
        return "rbm(" + parts.joined(separator: ", ") + ")"
    }

    override var memberNames: [String] {
        ["visible", "hidden", "units", "labels", "W", "b", "c", "free_energy", "energy", "sample", "reconstruct", "transform",
         "log_z", "loglik", "pseudo_loglik", "ising", "fit", "classify", "probabilities", "copy", "save"]
    }

    /// Runs native code, turning its errors into this method's diagnostics.
    func native<T>(_ args: Arguments, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as IsingError { throw args.error(e.message) }
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let m = rbm
        switch name {
        case "visible": return .int(m.visible)
        case "hidden": return .int(m.hidden)
        case "units": return .str(m.units.rawValue)
        case "labels": return .int(m.labels)
        case "W": return .object(TensorValue(try Tensor(shape: [m.visible, m.hidden], data: m.weights.map(Double.init), dtype: .float32)))
        case "b": return .object(TensorValue(Tensor(vector: m.visibleBias.map(Double.init), dtype: .float32)))
        case "c": return .object(TensorValue(Tensor(vector: m.hiddenBias.map(Double.init), dtype: .float32)))
        case "copy": return method(name, [], "An independent copy of the machine.") { _ in .object(RBMValue(m.copy())) }
        case "free_energy":
            return method(name, [.required("v")], "The free energy F(v) of a visible row (a number) or of each row of a batch (a list).") { args in
                let (rows, single) = try args.rows(0, width: m.visible, units: m.units)
                let f = try self.native(args) { try m.freeEnergy(rows) }
                return single ? .float(f.first ?? .nan) : .list(f.map { .float($0) })
            }
        case "energy":
            return method(name, [.required("v"), .required("h")], "The energy E(v, h) of one joint state.") { args in
                let (v, _) = try args.rows(0, width: m.visible, units: m.units), (h, _) = try args.rows(1, width: m.hidden, units: m.units)
                guard v.count == m.visible, h.count == m.hidden else { throw args.error("give one visible and one hidden state") }
                return .float(m.energy(visible: v, hidden: h))
            }
        case "transform":
            return method(name, [.required("v")], "The hidden units' means E[h | v] of each row: features for other models.") { args in
                let (rows, single) = try args.rows(0, width: m.visible, units: m.units)
                return try self.matrix(try self.native(args) { try m.hiddenMeans(rows) }, width: m.hidden, single: single)
            }
        case "reconstruct":
            return method(name, [.required("v")], "E[v | h = E[h | v]] of each row: one deterministic pass up and down.") { args in
                let (rows, single) = try args.rows(0, width: m.visible, units: m.units)
                return try self.matrix(try self.native(args) { try m.reconstruct(rows) }, width: m.visible, single: single)
            }
        case "log_z":
            guard m.hasExactPartition else {
                throw Diagnostic.runtime("log_z is exact only when a layer has at most \(RBM.maxExactUnits) units (this RBM is \(m.visible) x \(m.hidden))",
                                         at: nil, hint: "estimate it with ais(model, chains: 100, betas: 10000, seed: 1)")
            }
            do { return .float(try m.logPartitionExact()) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
        case "loglik":
            return method(name, [.required("data"), .optional("log_z", "exact")], """
                The mean log-likelihood per row: exact when a layer has at most 20 units, else with a given `log_z:` (e.g. from ais).
                """) { args in
                let (rows, _) = try args.rows(0, width: m.visible, units: m.units)
                if args.has(1) {
                    let z = try args.logZ(1)
                    return .float(try self.native(args) { try m.logLikelihood(rows, logZ: z) })
                }
                guard m.hasExactPartition else {
                    throw args.error("the exact log-likelihood needs a layer of at most \(RBM.maxExactUnits) units (this RBM is \(m.visible) x \(m.hidden))",
                                     hint: "give log_z: ais(model, ...) for an estimate")
                }
                return .float(try self.native(args) { try m.logLikelihoodExact(rows) })
            }
        case "pseudo_loglik":
            return method(name, [.required("data"), .optional("seed", "0")], """
                The pseudo-log-likelihood per row as scikit-learn's BernoulliRBM.score_samples computes it (one random unit flipped per row).
                """) { args in
                let (rows, _) = try args.rows(0, width: m.visible, units: m.units)
                let seed = try args.int(1, default: 0)
                return .float(try self.native(args) { try m.pseudoLikelihood(rows, seed: UInt64(bitPattern: Int64(seed))) })
            }
        case "ising":
            return method(name, [.optional("temperature", "1.0")], """
                The machine's energy as a Hamiltonian over v (variables 0..<visible) then h: a QUBO for Bernoulli units, Ising for spins, divided by `temperature`.
                """) { args in
                let t = try args.double(0, default: 1)
                return .object(HamiltonianValue(try self.native(args) { try m.quadraticModel(temperature: t) }))
            }
        case "sample":
            return method(name, [.required("n"), .optional("sampler", "block Gibbs"), .optional("seed", "0"), .optional("sweeps", "1000"),
                                 .optional("temperature", "1.0")], """
                n visible states: block Gibbs chains of `sweeps` sweeps from random states, or any sampler run on the machine's Ising form.
                m.sample(16, seed: 1); m.sample(100, sa(sweeps: 1000))
                """) { args in
                let n = try args.int(0)
                guard n >= 1, n <= 10_000_000, n.multipliedReportingOverflow(by: m.visible + m.hidden).partialValue <= 100_000_000 else {
                    throw args.error("`n` must be between 1 and 10000000 (and n x units at most 10^8)")
                }
                let seed = try args.int(2, default: 0)
                args.interpreter.noteSeed(seed)
                let s = UInt64(bitPattern: Int64(seed))
                let states: [Float]
                if args.has(1) {
                    let sampler = try args.sampler(1)
                    let t = try args.double(4, default: 1)
                    states = try self.native(args) { try m.sampleJoint(sampler, reads: n, seed: s, temperature: t, threads: defaultThreadCount).visible }
                } else {
                    let sweeps = try args.int(3, default: 1000)
                    guard sweeps >= 0, sweeps <= 100_000_000 else { throw args.error("`sweeps` must be between 0 and 100000000") }
                    var rng = Xoshiro256(seed: s)
                    states = try self.native(args) { try m.gibbs(from: nil, chains: n, sweeps: sweeps, rng: &rng) }
                }
                return try self.matrix(states, width: m.visible, single: false)
            }
        case "classify":
            return method(name, [.required("pictures")], "The most probable class of each picture (rows of the non-label visible units).") { args in
                let (rows, single) = try args.rows(0, width: m.features, units: m.units)
                let c = try self.native(args) { try m.classify(rows) }
                return single ? .int(c.first ?? 0) : .list(c.map { .int($0) })
            }
        case "probabilities":
            return method(name, [.required("pictures")], "p(y | x) for every class y, exactly from free energies: one row per picture.") { args in
                let (rows, single) = try args.rows(0, width: m.features, units: m.units)
                let p = try self.native(args) { try m.classProbabilities(rows) }
                return try self.matrix(p.map(Float.init), width: m.labels, single: single)
            }
        case "save":
            return method(name, [.required("path")], "Writes the machine as JSON (load it with load_model).") { args in
                let path = try args.string(0)
                try self.native(args) { try RBMTrainable(m).save(to: path) }
                return .null
            }
        case "fit":
            return method(name, RBMValue.fitParameters, RBMValue.fitDoc) { args in
                try RBMValue.fit(m, args, dataIndex: 0)
            }
        default: return nil
        }
    }

    /// Rows of values as a tensor (a vector when the input was one row).
    func matrix(_ values: [Float], width: Int, single: Bool) throws -> Value {
        let rows = width > 0 ? values.count / width : 0
        let t = try Tensor(shape: single ? [width] : [rows, width], data: values.map(Double.init), dtype: .float32)
        return .object(TensorValue(t))
    }

    static let fitParameters: [BuiltinParameter] = [
        .required("data"), .optional("method", "\"cd\""), .optional("k", "1"), .optional("epochs", "10"), .optional("batch", "10"),
        .optional("lr", "0.1"), .optional("momentum", "0.0"), .optional("l2", "0.0"), .optional("seed", "0"), .optional("sampler"),
        .optional("reads", "100"), .optional("temperature", "1.0"), .optional("chains", "batch"), .optional("steps"),
        .optional("every", "1"), .optional("generative", "1.0"), .optional("discriminative", "0.0"),
    ]
    static let fitDoc = """
        Trains the machine on rows of data by stochastic gradient ascent; returns the history record.
        `method:` "cd" (CD-k), "pcd" (persistent chains, `chains:`), or "sampler" (the negative phase drawn by `sampler:` from
        the machine's Ising form, `reads:` per update, at `temperature:`). `epochs:` passes in shuffled batches of `batch:` rows
        (or `steps:` batches); `lr:` a number or a schedule; `momentum:`, `l2:` weight decay, `seed:`.
        For an RBM with `labels:`, `discriminative:` adds that weight of the exact gradient of log p(y | x) and `generative:`
        scales the usual one (Larochelle and Bengio's hybrid training; generative: 0 is purely discriminative).
        Every `every` epochs the history records the exact log-likelihood (when a layer has at most 20 units) or the pseudo-log-likelihood.
        let h = m.fit(data, method: "pcd", epochs: 20, batch: 10, lr: 0.05, seed: 1); plot(h.pseudo_loglik)
        """

    /// The training run behind `m.fit(...)`; `dataIndex` is where the data argument is.
    static func fit(_ m: RBM, _ args: Arguments, dataIndex d: Int) throws -> Value {
        let (data, _) = try args.rows(d, width: m.visible, units: m.units)
        let n = data.count / m.visible
        guard n > 0 else { throw args.error("no data to train on") }
        let method = try args.string(d + 1, default: "cd")
        let k = try args.int(d + 2, default: 1)
        let batch = try args.int(d + 4, default: 10)
        guard batch >= 1, batch <= 1_000_000 else { throw args.error("`batch` must be between 1 and 1000000, got \(batch)") }
        let settings = RBMSettings(learningRate: try args.schedule(d + 5, default: 0.1), momentum: try args.double(d + 6, default: 0),
                                   l2: try args.double(d + 7, default: 0), generative: try args.double(d + 15, default: 1),
                                   discriminative: try args.double(d + 16, default: 0))
        let seed = try args.int(d + 8, default: 0)
        args.interpreter.noteSeed(seed)
        let phase: NegativePhase
        switch method {
        case "cd": phase = .cd(k: k)
        case "pcd": phase = .pcd(k: k, chains: args.has(d + 12) ? try args.int(d + 12) : batch)
        case "sampler":
            guard args.has(d + 9) else { throw args.error("method \"sampler\" needs `sampler:`", hint: "for example sampler: gibbs(sweeps: 10) or sa() or annealer(...)") }
            phase = .sampler(try args.sampler(d + 9), reads: try args.int(d + 10, default: 100), temperature: try args.double(d + 11, default: 1))
        default: throw args.error("`method` must be \"cd\", \"pcd\" or \"sampler\", got \"\(method)\"")
        }
        let every = try args.int(d + 14, default: 1)
        guard every >= 1 else { throw args.error("`every` must be at least 1") }
        let trainer: RBMTrainer
        do { trainer = try RBMTrainer(model: m, phase: phase, settings: settings, seed: UInt64(bitPattern: Int64(seed))) }
        catch let e as IsingError { throw args.error(e.message) }
        let batchesPerEpoch = (n + batch - 1) / batch
        var epochs = try args.int(d + 3, default: 10)
        if args.has(d + 13) {
            let steps = try args.int(d + 13)
            guard steps >= 1, steps <= 1_000_000_000_000 else { throw args.error("`steps` must be between 1 and 10^12, got \(steps)") }
            epochs = (steps + batchesPerEpoch - 1) / batchesPerEpoch
        }
        guard epochs >= 1, epochs <= 10_000_000 else { throw args.error("`epochs` must be between 1 and 10000000, got \(epochs)") }
        let exact = m.hasExactPartition && (m.visible <= 16 || m.hidden <= 16)
        let metric = exact ? "loglik" : "pseudo_loglik"
        var epochList: [Value] = [], metricList: [Value] = [], errorList: [Value] = [], seconds: [Value] = []
        let bar = ProgressBar.onStandardError(label: "rbm \(phase.name)", total: epochs)
        bar.startDelay = 0.5
        defer { bar.finish() }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            for e in 1...epochs {
                let err = try trainer.epoch(data, batch: batch)
                bar.update(to: e)
                if e % every == 0 || e == epochs {
                    epochList.append(.int(e))
                    errorList.append(.float(err))
                    metricList.append(.float(exact ? try m.logLikelihoodExact(data) : try m.pseudoLikelihood(data, seed: UInt64(e))))
                    seconds.append(.float(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                }
            }
        } catch let e as IsingError {
            throw args.error(e.message)
        } catch is CancelledError {
            // Ctrl-C: the machine keeps what it learned; the history so far is returned.
        }
        return .record(RecordBox([("epoch", .list(epochList)), (metric, .list(metricList)), ("reconstruction_error", .list(errorList)),
                                  ("seconds", .list(seconds)), ("method", .str(phase.name)), ("steps", .int(trainer.steps))]))
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        let m = rbm
        switch builtin {
        case "heatmap":
            return .heatmap(Heatmap(rows: m.visible, cols: m.hidden, values: m.weights.map(Double.init),
                                    title: args.has(1) ? try args.string(1) : "W (visible x hidden)", diverging: true))
        case "show":
            // Each hidden unit's weights over the pixels, when the pixels form a square picture.
            let side = Int(Double(m.features).squareRoot().rounded())
            guard side * side == m.features else { throw args.error("show(model) draws filters of square pictures; this RBM has \(m.features) pixels") }
            let count = args.has(1) ? max(0, min(m.hidden, try args.int(1))) : min(m.hidden, 32)
            var pictures: [Picture] = []
            for j in 0..<count {
                let w = (0..<m.features).map { Double(m.weights[$0 * m.hidden + j]) }
                let lo = w.min() ?? 0, hi = w.max() ?? 1
                pictures.append(Picture(width: side, height: side, pixels: w.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 }, caption: "h\(j)"))
            }
            return .pictures(PictureGrid(pictures: pictures, cols: min(max(1, count), 8), title: args.has(6) ? try args.string(6) : "hidden-unit filters"))
        default: return nil
        }
    }
}

extension Arguments {
    /// Rows of `width` numbers from a tensor (a vector is one row) or a list of lists; also
    /// says whether a single row was given. With `units`, ±1 or 0/1 data is mapped to the
    /// units' values (see `RBM.unitValues`).
    func rows(_ i: Int, width: Int, units: UnitKind? = nil) throws -> (values: [Float], single: Bool) {
        func mapped(_ values: [Double]) throws -> [Float] {
            guard let units else { return values.map(Float.init) }
            do { return try RBM.unitValues(values, units: units) } catch let e as IsingError { throw error("`\(name(i))`: \(e.message)") }
        }
        let t = try tensor(i)
        if t.rank == 1 {
            guard t.count == width else { throw error("`\(name(i))` has \(t.count) values per row, the model needs \(width)") }
            return (try mapped(t.data), true)
        }
        guard t.rank == 2 else { throw error("`\(name(i))` must be a vector or a matrix of rows, got shape \(t.shapeText)") }
        guard t.cols == width else {
            throw error("`\(name(i))` has shape \(t.shapeText): rows of \(t.cols) values, but the model needs \(width)")
        }
        return (try mapped(t.data), false)
    }

    /// A log Z: a number, or the record `ais(...)` returns.
    func logZ(_ i: Int) throws -> Double {
        if case .record(let r) = value(i), let z = r.get("log_z")?.asDouble { return z }
        return try double(i)
    }

    /// An RBM argument.
    func rbm(_ i: Int) throws -> RBM {
        guard case .object(let o as RBMValue) = value(i) else {
            throw error("`\(name(i))` must be an RBM, got \(value(i).typeName)", hint: "make one with rbm(visible, hidden)")
        }
        return o.rbm
    }
}
