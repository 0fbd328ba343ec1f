import Display
import Foundation
import IsingCore
import Learning

/// A Helmholtz machine as a language value (a Model).
final class HelmholtzValue: NativeValue {
    let machine: HelmholtzMachine
    init(_ machine: HelmholtzMachine) { self.machine = machine }

    override var typeName: String { "Model" }
    override var summary: String {
        "helmholtz(layers: [" + machine.sizes.map(String.init).joined(separator: ", ") + "], visible: \"\(machine.visible.rawValue)\", prior: \(machine.priorEdges.count) couplings)"
    }

    override var memberNames: [String] {
        ["layers", "visible", "prior", "prior_h", "generator", "recognition", "fit", "sample", "recognize", "bound"]
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
        case "generator", "recognition":
            let layers = name == "generator" ? m.generator : m.recognition
            return .list(try layers.map { l in
                .record(RecordBox([("W", .object(TensorValue(try Tensor(shape: [l.inputs, l.outputs], data: l.weights)))),
                                   ("c", .object(TensorValue(Tensor(vector: l.bias))))]))
            })
        case "sample":
            return method(name, [.required("n"), .required("sampler"), .optional("seed", "0")], """
                n generated visible rows: deepest-layer states from the sampler of the prior, then down through the generator.
                """) { args in
                let n = try args.int(0)
                guard n >= 1, n <= 10_000_000 else { throw args.error("`n` must be between 1 and 10000000") }
                let sampler = try args.sampler(1)
                let seed = try args.int(2, default: 0)
                args.interpreter.noteSeed(seed)
                var rng = Xoshiro256(seed: seed)
                let top = try self.native(args) { try m.samplePrior(sampler, count: n, seed: rng.next()) }
                let layers = m.generate(from: top, rows: top.count / m.top, rng: &rng)
                return try HelmholtzValue.matrix(layers[0], width: m.sizes[0])
            }
        case "recognize":
            return method(name, [.required("v"), .optional("seed", "0")], "Deepest-layer states inferred by the recognition network for rows of data.") { args in
                let data = try args.tensor(0).data
                let n = try self.native(args) { try m.rows(of: data) }
                var rng = Xoshiro256(seed: try args.int(1, default: 0))
                let layers = m.recognize(data, rows: n, rng: &rng)
                return try HelmholtzValue.matrix(layers[layers.count - 1], width: m.top)
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
                Wake-sleep training (Algorithm 1 of the QAHM paper): per update, Q infers the hidden layers of a batch of data
                (all of it by default) and `samples` dreams come from `sampler` (the prior) through the generator.
                `lr:` a number or a schedule such as linear_decay(0.005, 0.0005, 500). Returns the history record
                (with the exact bound when the model is small enough).
                """) { args in
                try HelmholtzValue.fit(m, args)
            }
        default: return nil
        }
    }

    static func fit(_ m: HelmholtzMachine, _ args: Arguments) throws -> Value {
        let data = try args.tensor(0).data
        let n: Int
        do { n = try m.rows(of: data) } catch let e as IsingError { throw args.error(e.message) }
        guard n > 0 else { throw args.error("no data to train on") }
        let sampler = try args.sampler(1)
        let epochs = try args.int(2, default: 10)
        guard epochs >= 1, epochs <= 10_000_000 else { throw args.error("`epochs` must be between 1 and 10000000, got \(epochs)") }
        let schedule = try args.schedule(3, default: 0.005)
        let samples = try args.int(4, default: 1000)
        let batch = args.has(5) ? try args.int(5) : n
        guard batch >= 1 else { throw args.error("`batch` must be at least 1") }
        let seed = try args.int(6, default: 0)
        args.interpreter.noteSeed(seed)
        let every = try args.int(7, default: 1)
        guard every >= 1 else { throw args.error("`every` must be at least 1") }
        let trainer: WakeSleepTrainer
        do { trainer = try WakeSleepTrainer(model: m, sampler: sampler, samples: samples, learningRate: schedule, seed: UInt64(bitPattern: Int64(seed))) }
        catch let e as IsingError { throw args.error(e.message) }
        let exact = m.visible == .spin && m.sizes.dropFirst().reduce(0, +) <= HelmholtzMachine.maxExactHidden
        var epochList: [Value] = [], bounds: [Value] = [], seconds: [Value] = []
        let width = m.sizes[0]
        let bar = ProgressBar.onStandardError(label: "wake-sleep", total: epochs)
        bar.startDelay = 0.5
        defer { bar.finish() }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            for e in 1...epochs {
                var s = 0
                while s < n {
                    let rows = min(batch, n - s)
                    try trainer.step(Array(data[(s * width)..<((s + rows) * width)]))
                    s += rows
                }
                bar.update(to: e)
                if e % every == 0 || e == epochs {
                    epochList.append(.int(e))
                    if exact { bounds.append(.float(try m.exactBound(data).bound)) }
                    seconds.append(.float(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
                }
            }
        } catch let e as IsingError {
            throw args.error(e.message)
        } catch is CancelledError {
            // Ctrl-C keeps the machine as trained so far.
        }
        var fields: [(String, Value)] = [("epoch", .list(epochList)), ("seconds", .list(seconds)), ("steps", .int(trainer.steps))]
        if exact { fields.insert(("bound", .list(bounds)), at: 1) }
        return .record(RecordBox(fields))
    }
}

extension BuiltinRegistry {
    /// helmholtz(...).
    static func registerHelmholtz(into r: inout BuiltinRegistry) {
        r.add("helmholtz", [.required("layers"), .optional("prior", "fully connected"), .optional("visible", "\"spin\""),
                            .optional("seed", "0"), .optional("scale", "0.01")], topic: "models", doc: """
            A Helmholtz machine: generator P(v | u) and recognition Q(u | v) networks of stochastic ±1 layers with a Boltzmann prior on the deepest one.
            `layers:` sizes from the visible layer down; `prior:` the graph of the prior's couplings over the deepest layer
            (nodes 0..<n; complete by default); `visible: "tanh"` makes the visible layer deterministic for values in [-1, 1].
            Train with .fit(data, sampler, epochs:, lr:, samples:); the sampler draws the prior (e.g. embedded(annealer(...), emb)).
            let hm = helmholtz(layers: [64 + 10, 120, 60], prior: complete(60), visible: "tanh", seed: 1)
            """) { args in
            let sizes = try args.list(0).map { v -> Int in
                guard case .int(let k) = v else { throw args.error("`layers` must be a list of integers, found \(v.typeName)") }
                return k
            }
            var edges: [(Int, Int)]?
            if args.has(1) {
                guard case .object(let g as GraphValue) = args.value(1) else {
                    throw args.error("`prior` must be a graph over the deepest layer's units, got \(args.value(1).typeName)", hint: "for example complete(60)")
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
            do {
                return .object(HelmholtzValue(try HelmholtzMachine(sizes: sizes, visible: visible, priorEdges: edges,
                                                                   seed: UInt64(bitPattern: Int64(seed)), scale: scale)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
    }
}
