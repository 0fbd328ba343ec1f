import Display
import Foundation
import IsingCore
import Learning

/// A Helmholtz machine as a language value (a Model), trainable by `train(...)`.
final class HelmholtzValue: NativeValue, TrainableValue {
    let machine: HelmholtzMachine
    init(_ machine: HelmholtzMachine) { self.machine = machine }

    var trainable: any TrainableModel { machine }

    override var typeName: String { "Model" }
    override var summary: String {
        let m = machine
        let prior = m.hasPhysicalPrior ? "\(m.prior.count) qubits, \(m.priorEdges.count) couplers" : "\(m.priorEdges.count) couplings"
        return "helmholtz(layers: [" + m.sizes.map(String.init).joined(separator: ", ") + "], visible: \"\(m.visible.rawValue)\", prior: \(prior))"
    }

    override var memberNames: [String] {
        ["layers", "visible", "prior", "prior_h", "prior_J", "generator", "recognition", "fit", "sample", "recognize", "reconstruct", "bound", "loglik", "save"]
    }

    func native<T>(_ args: Arguments, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as IsingError { throw args.error(e.message) }
    }

    /// Rows of values as a tensor.
    static func matrix(_ values: [Double], width: Int) throws -> Value {
        .object(TensorValue(try Tensor(shape: [width > 0 ? values.count / width : 0, width], data: values)))
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let m = machine
        switch name {
        case "layers": return .list(m.sizes.map { .int($0) })
        case "visible": return .str(m.visible.rawValue)
        case "prior": return .object(HamiltonianValue(m.priorModel()))
        case "prior_h": return .object(TensorValue(Tensor(vector: m.priorField)))
        case "prior_J": return .object(TensorValue(Tensor(vector: m.priorCoupling)))
        case "generator", "recognition":
            let layers = name == "generator" ? m.generator : m.recognition
            return .list(try layers.map { l in
                .record(RecordBox([("W", .object(TensorValue(try Tensor(shape: [l.inputs, l.outputs], data: l.weights)))),
                                   ("c", .object(TensorValue(Tensor(vector: l.bias))))]))
            })
        case "sample":
            return method(name, [.required("n"), .required("sampler"), .optional("seed", "0"), .optional("decode", "the machine's")], """
                n generated visible rows: deepest-layer states from the sampler of the prior, then down through the generator.
                For a physical prior `decode:` reads the chains as helmholtz(decode:) does, or "discard" keeps only reads with
                every chain whole (the sampler is asked for as many more reads as that takes).
                """) { args in
                let n = try args.int(0)
                guard n >= 1, n <= 10_000_000 else { throw args.error("`n` must be between 1 and 10000000") }
                let sampler = try args.sampler(1)
                let seed = try args.int(2, default: 0)
                let readout = args.has(3) ? try args.chainBreakMethod(3) : nil
                args.interpreter.noteSeed(seed)
                let rows = try self.native(args) {
                    try m.generateVisible(sampler, count: n, seed: UInt64(bitPattern: Int64(seed)), readout: readout)
                }
                return try HelmholtzValue.matrix(rows, width: m.sizes[0])
            }
        case "save":
            return method(name, [.required("path")], "Writes the machine as JSON (load it with load_model).") { args in
                let path = try args.string(0)
                try self.native(args) { try m.save(to: path) }
                return .null
            }
        case "recognize":
            return method(name, [.required("v"), .optional("seed", "0")], "Deepest-layer states inferred by the recognition network for rows of data.") { args in
                let data = try args.tensor(0).data
                let n = try self.native(args) { try m.rows(of: data) }
                var rng = Xoshiro256(seed: try args.int(1, default: 0))
                let layers = m.recognize(data, rows: n, rng: &rng)
                return try HelmholtzValue.matrix(layers[layers.count - 1], width: m.top)
            }
        case "reconstruct":
            return method(name, [.required("v"), .optional("seed", "0")], """
                Each row of data passed up the recognition network (sampled) and back down the generator: the visible layer's means given the first hidden layer.
                """) { args in
                let data = try args.tensor(0).data
                let n = try self.native(args) { try m.rows(of: data) }
                var rng = Xoshiro256(seed: UInt64(bitPattern: Int64(try args.int(1, default: 0))))
                let layers = m.recognize(data, rows: n, rng: &rng)
                guard layers.count >= 2, let first = m.generator.first else { return try HelmholtzValue.matrix([], width: m.sizes[0]) }
                return try HelmholtzValue.matrix(first.means(layers[1], rows: n), width: m.sizes[0])
            }
        case "loglik":
            return method(name, [.required("data")], """
                The mean log-likelihood log P(v) of rows of data, exactly by enumeration (spin visible units, a logical prior, at most 16 hidden units).
                """) { args in
                let data = try args.tensor(0).data
                return .float(try self.native(args) { try m.exactBound(data).logLikelihood })
            }
        case "bound":
            return method(name, [.required("data")], """
                The mean variational bound of eq. 3 and the exact log-likelihood, by enumeration (spin visible units, at most 16 hidden units).
                """) { args in
                let data = try args.tensor(0).data
                let (b, ll) = try self.native(args) { try m.exactBound(data) }
                return .record(RecordBox([("bound", .float(b)), ("loglik", .float(ll))]))
            }
        case "fit":
            return method(name, [.required("data"), .required("sampler"), .optional("epochs", "10"), .optional("lr", "0.005"),
                                 .optional("samples", "1000"), .optional("batch", "all"), .optional("seed", "0"), .optional("every", "1")], """
                Wake-sleep training for `epochs` passes over the data: the same as train(model, data, sampler:, lr:, reads: samples, batch:, epochs:, seed:, momentum: 0, l2: 0).run().
                Returns a record with epoch, seconds and steps (and the exact bound over the data every `every` epochs when the model is small enough).
                """) { args in
                try HelmholtzValue.fit(self, args)
            }
        default: return nil
        }
    }

    /// `.fit(...)`: a training loop run to its end, with the bound recorded per epoch.
    static func fit(_ value: HelmholtzValue, _ args: Arguments) throws -> Value {
        let m = value.machine
        let data = try args.dataset(0)
        guard data.count > 0 else { throw args.error("the training data is empty") }
        let sampler = try args.sampler(1)
        let epochs = try args.int(2, default: 10)
        guard epochs >= 1, epochs <= 10_000_000 else { throw args.error("`epochs` must be between 1 and 10000000, got \(epochs)") }
        let schedule = try args.schedule(3, default: 0.005)
        let samples = try args.int(4, default: 1000)
        guard samples >= 1, samples <= 10_000_000 else { throw args.error("`samples` must be between 1 and 10000000, got \(samples)") }
        let batch = args.has(5) ? try args.int(5) : data.count
        guard batch >= 1 else { throw args.error("`batch` must be at least 1") }
        let seed = try args.int(6, default: 0)
        args.interpreter.noteSeed(seed)
        let every = try args.int(7, default: 1)
        guard every >= 1 else { throw args.error("`every` must be at least 1") }
        let perEpoch = (data.count + min(batch, data.count) - 1) / min(batch, data.count)
        var settings = TrainingSettings(hyper: HyperParameters(learningRate: schedule.rate(at: 0), l2: 0, momentum: 0, reads: samples,
                                                               schedule: schedule))
        settings.batchSize = batch
        settings.steps = epochs * perEpoch
        settings.seed = UInt64(bitPattern: Int64(seed))
        settings.threads = defaultThreadCount
        if m.hasPhysicalPrior, let device = rangeLimitedDevice(of: sampler) { m.priorRanges = (device.hRange, device.jRange) }
        let loop = try value.native(args) { try TrainingLoop(model: m, data: data, sampler: sampler, settings: settings) }
        let exact = m.hasExactBound
        var epochList: [Value] = [], bounds: [Value] = [], seconds: [Value] = []
        let bar = ProgressBar.onStandardError(label: "wake-sleep", total: settings.steps)
        bar.startDelay = 0.5
        defer { bar.finish() }
        do {
            try loop.run(progress: { done, _ in bar.update(to: done) }) { step in
                guard step % perEpoch == 0 else { return }
                let e = step / perEpoch
                if e % every == 0 || e == epochs {
                    epochList.append(.int(e))
                    if exact { bounds.append(.float(try m.exactBound(data.values).bound)) }
                    seconds.append(.float(loop.elapsed))
                }
            }
        } catch let e as IsingError {
            throw args.error(e.message)
        } catch is CancelledError {
            // Ctrl-C keeps the machine as trained so far.
        }
        var fields: [(String, Value)] = [("epoch", .list(epochList)), ("seconds", .list(seconds)), ("steps", .int(loop.step))]
        if exact { fields.insert(("bound", .list(bounds)), at: 1) }
        return .record(RecordBox(fields))
    }
}

extension BuiltinRegistry {
    /// helmholtz(...).
    static func registerHelmholtz(into r: inout BuiltinRegistry) {
        r.add("helmholtz", [.required("layers"), .optional("prior", "fully connected"), .optional("visible", "\"spin\""),
                            .optional("seed", "0"), .optional("scale", "0.01"), .optional("chain_coupling", "-1"), .optional("learn_chains", "true"),
                            .optional("decode", "\"majority\"")], topic: "models", doc: """
            A Helmholtz machine: generator P(v | u) and recognition Q(u | v) networks of stochastic ±1 layers with a Boltzmann prior on the deepest one.
            `layers:` sizes from the visible layer down; `prior:` the graph of the prior's couplings over the deepest layer
            (nodes 0..<n; complete by default), or an embedding of the deepest layer into a hardware graph: the prior then
            has a field per qubit and a coupling per coupler between the chains' qubits (those inside a chain start at
            `chain_coupling`, and stay there with learn_chains: false), is sampled directly by the sampler (an annealer with auto_scale: false) and read back by a
            majority vote in each chain (eq. 21; `decode: "minimize_energy"` sets each broken chain to the value of lower prior energy
            given the other chains, `decode: "weighted"` to a value drawn by its share of the chain). `visible: "tanh"` makes the visible
            layer deterministic for values in [-1, 1].
            Train with train(hm, data, sampler:, lr:, reads:, batch:, epochs:) (wake-sleep; reads are the dreamed samples).
            let hm = helmholtz(layers: [64 + 10, 120, 60], prior: complete(60), visible: "tanh", seed: 1)
            """) { args in
            let sizes = try args.list(0).map { v -> Int in
                guard case .int(let k) = v else { throw args.error("`layers` must be a list of integers, found \(v.typeName)") }
                return k
            }
            var edges: [(Int, Int)]?
            var embedding: Embedding?
            if case .object(let e as EmbeddingValue) = args.value(1) {
                embedding = e.embedding
            } else if args.has(1) {
                guard case .object(let g as GraphValue) = args.value(1) else {
                    throw args.error("`prior` must be a graph over the deepest layer's units or an embedding of them, got \(args.value(1).typeName)",
                                     hint: "for example complete(60) or clique_embedding(60, annealer(\"dw2000q\").graph)")
                }
                edges = try g.graph.edges.map { (a, b) in
                    guard case .int(let i) = g.graph.nodes[a], case .int(let j) = g.graph.nodes[b] else {
                        throw args.error("the prior graph's nodes must be the integers 0..<n")
                    }
                    return (i, j)
                }
            }
            let visibleName = try args.string(2, default: "spin")
            guard let visible = HelmholtzMachine.Visible(rawValue: visibleName) else {
                throw args.error("`visible` must be \"spin\" or \"tanh\", got \"\(visibleName)\"")
            }
            let seed = try args.int(3, default: 0), scale = try args.double(4, default: 0.01)
            guard scale >= 0, scale.isFinite else { throw args.error("`scale` must be a non-negative number") }
            args.interpreter.noteSeed(seed)
            let chainCoupling = try args.double(5, default: -1)
            let decodeName = try args.string(7, default: "majority")
            guard let readout = ChainBreakMethod(rawValue: decodeName), HelmholtzMachine.chainReadouts.contains(readout) else {
                throw args.error("`decode` must be \"majority\", \"weighted\" or \"minimize_energy\", got \"\(decodeName)\"",
                                 hint: "every dreamed read must give a state in training, so \"discard\" is not offered here; hm.sample(n, sampler, decode: \"discard\") generates from whole reads only")
            }
            if readout != .majority && embedding == nil {
                throw args.error("`decode` reads chains, so it needs a prior given as an embedding", hint: "pass prior: clique_embedding(n, chip)")
            }
            do {
                if let embedding {
                    let m = try HelmholtzMachine(sizes: sizes, visible: visible, priorEmbedding: embedding, chainCoupling: chainCoupling,
                                                 seed: UInt64(bitPattern: Int64(seed)), scale: scale)
                    if !(try args.bool(6, default: true)) { m.fixedChainCoupling = chainCoupling }
                    m.chainReadout = readout
                    return .object(HelmholtzValue(m))
                }
                return .object(HelmholtzValue(try HelmholtzMachine(sizes: sizes, visible: visible, priorEdges: edges,
                                                                   seed: UInt64(bitPattern: Int64(seed)), scale: scale)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
    }
}
