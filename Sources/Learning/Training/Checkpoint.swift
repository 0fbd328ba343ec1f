import Foundation
import IsingCore

/// Checkpoints of training runs: one JSON file with the model's snapshot, the momentum
/// buffer, the step, the history, the settings, the training data and the sampler's
/// description. Numbers are written in their shortest exact form, so resuming from a
/// checkpoint continues bit-for-bit. Training data of more than `maxStoredValues` values
/// (MNIST-sized sets) are not copied into the file: only their size and a fingerprint
/// are, and the data must be given again on resuming.
public enum Checkpoint {
    /// What a checkpoint file holds, before the loop is rebuilt.
    public struct Contents {
        public var model: any TrainableModel
        /// The training data, when the checkpoint holds it.
        public var data: Dataset?
        /// The training data's rows, columns and fingerprint, to check data given again.
        public var dataFingerprint: (count: Int, dimension: Int, hash: UInt64)
        public var settings: TrainingSettings
        public var step: Int
        public var velocity: [Double]
        public var history: TrainingHistory
        public var elapsed: Double
        /// The sampler's name and settings, as the run described them.
        public var samplerName: String
        public var samplerSettings: [(String, String)]
    }

    /// The largest training set (in values) copied into a checkpoint.
    public static let maxStoredValues = 2_000_000

    /// A 64-bit FNV-1a hash of a data set's values and shape.
    public static func fingerprint(_ d: Dataset) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ x: UInt64) { h = (h ^ x) &* 0x0000_0100_0000_01B3 }
        mix(UInt64(d.count)); mix(UInt64(d.dimension))
        for v in d.values { mix(v.bitPattern) }
        return h
    }

    /// Writes the loop's state to `path` (atomically).
    public static func write(_ loop: TrainingLoop, to path: String) throws {
        try FileIO.writeAtomically(path, text: JSON.write(encode(loop)) + "\n")
    }

    static func numbers(_ xs: [Double]) -> JSONNode { JSON.array(xs.map(JSON.number)) }

    /// The loop as JSON.
    public static func encode(_ loop: TrainingLoop) -> JSONNode {
        let s = loop.settings
        let d = loop.data
        return JSON.object([
            ("format", JSON.string("qrepl-training-checkpoint")),
            ("version", JSON.integer(1)),
            ("step", JSON.integer(loop.step)),
            ("elapsed", JSON.number(loop.elapsed)),
            ("model", loop.model.snapshot()),
            ("velocity", numbers(loop.velocity)),
            ("settings", JSON.object([
                ("lr", JSON.number(s.hyper.learningRate)), ("l2", JSON.number(s.hyper.l2)),
                ("momentum", JSON.number(s.hyper.momentum)), ("reads", JSON.integer(s.hyper.reads)),
                ("lr_schedule", s.hyper.schedule.map(scheduleNode) ?? JSONNode(.null)),
                ("batch", s.batchSize.map(JSON.integer) ?? JSONNode(.null)), ("steps", JSON.integer(s.steps)),
                ("seed", JSON.string(String(s.seed))), ("threads", JSON.integer(s.threads)),
                ("checkpoint_every", JSON.integer(s.checkpointEvery)),
                ("stop_outside", JSON.object(s.stopOutside.sorted { $0.key < $1.key }.map {
                    ($0.key, JSON.array([JSON.number($0.value.lowerBound), JSON.number($0.value.upperBound)]))
                })),
            ])),
            ("sampler", JSON.object([
                ("name", JSON.string(loop.sampler.name)),
                ("settings", JSON.object(loop.sampler.settings.map { ($0.0, JSON.string($0.1)) })),
            ])),
            ("data", JSON.object([
                ("count", JSON.integer(d.count)),
                ("dimension", JSON.integer(d.dimension)),
                ("fingerprint", JSON.string(String(fingerprint(d)))),
                ("values", d.values.count <= maxStoredValues ? numbers(d.values) : JSONNode(.null)),
                ("labels", d.labels.map { JSON.array($0.map(JSON.integer)) } ?? JSONNode(.null)),
                ("shape", d.shape.map { JSON.array([JSON.integer($0.height), JSON.integer($0.width)]) } ?? JSONNode(.null)),
                ("class_columns", JSON.array(d.classColumns.map(JSON.integer))),
                ("name", JSON.string(d.name)),
            ])),
            ("history", JSON.object([
                ("columns", JSON.array(loop.history.columns.map(JSON.string))),
                ("values", JSON.array(loop.history.values.map(numbers))),
                ("stop_reason", loop.history.stopReason.map(JSON.string) ?? JSONNode(.null)),
            ])),
        ])
    }

    /// A learning-rate schedule as JSON.
    static func scheduleNode(_ r: LearningRate) -> JSONNode {
        switch r {
        case .constant(let x): return JSON.object([("kind", JSON.string("constant")), ("rate", JSON.number(x))])
        case .linear(let a, let b, let n):
            return JSON.object([("kind", JSON.string("linear")), ("start", JSON.number(a)), ("end", JSON.number(b)), ("steps", JSON.integer(n))])
        case .step(let a, let every, let factor):
            return JSON.object([("kind", JSON.string("step")), ("start", JSON.number(a)), ("every", JSON.integer(every)),
                                ("factor", JSON.number(factor))])
        }
    }

    /// The schedule `scheduleNode` wrote.
    static func schedule(_ node: JSONNode, _ path: String) throws -> LearningRate {
        func number(_ key: String) throws -> Double {
            guard let d = node[key]?.double else { throw IsingError("\(path): the learning-rate schedule has no \(key)") }
            return d
        }
        func integer(_ key: String) throws -> Int {
            guard let i = node[key]?.int else { throw IsingError("\(path): the learning-rate schedule has no whole \(key)") }
            return i
        }
        let rate: LearningRate
        switch node["kind"]?.string {
        case "constant": rate = .constant(try number("rate"))
        case "linear": rate = .linear(start: try number("start"), end: try number("end"), steps: try integer("steps"))
        case "step": rate = .step(start: try number("start"), every: try integer("every"), factor: try number("factor"))
        default: throw IsingError("\(path): unknown learning-rate schedule")
        }
        return try rate.validated()
    }

    /// Reads a checkpoint file.
    public static func read(_ path: String) throws -> Contents {
        let root = try JSON.parse(try FileIO.readText(path), name: path)
        guard root["format"]?.string == "qrepl-training-checkpoint" else {
            throw IsingError("\(path) is not a training checkpoint")
        }
        func need(_ node: JSONNode?, _ what: String) throws -> JSONNode {
            guard let node else { throw IsingError("\(path): the checkpoint has no \(what)") }
            return node
        }
        func doubles(_ node: JSONNode?, _ what: String) throws -> [Double] {
            guard let items = try need(node, what).array else { throw IsingError("\(path): \(what) must be a list") }
            return try items.map { n in
                guard let d = n.double else { throw IsingError("\(path): \(what) holds \(n.kind), expected numbers") }
                return d
            }
        }
        func ints(_ node: JSONNode?, _ what: String) throws -> [Int] {
            try doubles(node, what).map { d in
                guard d.rounded() == d, let i = Int(exactly: d) else { throw IsingError("\(path): \(what) must hold integers") }
                return i
            }
        }
        let modelNode = try need(root["model"], "model")
        let model = try ModelRegistry.load(modelNode)
        let s = try need(root["settings"], "settings")
        var ranges: [String: ClosedRange<Double>] = [:]
        if case .object(let members)? = s["stop_outside"]?.value {
            for m in members {
                let r = try doubles(m.value, "stop_outside")
                guard r.count == 2, r[0] <= r[1] else { throw IsingError("\(path): a stop_outside range must be [low, high]") }
                ranges[m.key] = r[0]...r[1]
            }
        }
        guard let seed = s["seed"]?.string.flatMap({ UInt64($0) }) else { throw IsingError("\(path): the checkpoint has no seed") }
        var schedule: LearningRate?
        if let node = s["lr_schedule"], node["kind"] != nil { schedule = try self.schedule(node, path) }
        let settings = TrainingSettings(
            hyper: HyperParameters(learningRate: try need(s["lr"], "lr").double ?? 0,
                                   l2: s["l2"]?.double ?? 0, momentum: s["momentum"]?.double ?? 0, reads: s["reads"]?.int ?? 1,
                                   schedule: schedule),
            batchSize: s["batch"]?.int, steps: s["steps"]?.int ?? 0, seed: seed, threads: s["threads"]?.int ?? 1,
            stopOutside: ranges, checkpointPath: path, checkpointEvery: s["checkpoint_every"]?.int ?? 100)
        let dn = try need(root["data"], "data")
        var shape: PictureShape?
        if dn["shape"]?.array != nil {
            let hw = try ints(dn["shape"], "data shape")
            if hw.count == 2 { shape = PictureShape(height: hw[0], width: hw[1]) }
        }
        var data: Dataset?
        if dn["values"]?.array != nil {
            var d = try Dataset(values: try doubles(dn["values"], "data values"), dimension: dn["dimension"]?.int ?? 0,
                                labels: dn["labels"]?.array == nil ? nil : try ints(dn["labels"], "labels"), shape: shape,
                                name: dn["name"]?.string ?? "data")
            d.classColumns = dn["class_columns"].map { (try? ints($0, "class columns")) ?? [] } ?? []
            data = d
        }
        let fingerprint = (count: dn["count"]?.int ?? data?.count ?? 0, dimension: dn["dimension"]?.int ?? 0,
                           hash: dn["fingerprint"]?.string.flatMap { UInt64($0) } ?? 0)
        let hn = try need(root["history"], "history")
        let columns = try need(hn["columns"], "history columns").array?.compactMap(\.string) ?? []
        let values = try (try need(hn["values"], "history values").array ?? []).map { try doubles($0, "history values") }
        guard columns.count == values.count, Set(values.map(\.count)).count <= 1 else {
            throw IsingError("\(path): the history columns do not match their values")
        }
        var samplerSettings: [(String, String)] = []
        if case .object(let members)? = root["sampler"]?["settings"]?.value {
            samplerSettings = members.map { ($0.key, $0.value.string ?? "") }
        }
        return Contents(model: model, data: data, dataFingerprint: fingerprint, settings: settings, step: root["step"]?.int ?? 0,
                        velocity: try doubles(root["velocity"], "velocity"),
                        history: TrainingHistory(columns: columns, values: values, stopReason: hn["stop_reason"]?.string),
                        elapsed: root["elapsed"]?.double ?? 0,
                        samplerName: root["sampler"]?["name"]?.string ?? "", samplerSettings: samplerSettings)
    }

    /// The loop a checkpoint describes, continuing with `sampler` (and `data`, which must
    /// be the run's training data; required when the checkpoint does not hold it).
    public static func resume(_ c: Contents, sampler: any Sampler, data given: Dataset? = nil) throws -> TrainingLoop {
        if let given, fingerprint(given) != c.dataFingerprint.hash {
            throw IsingError("the data given is not the data the run was trained on (\(c.dataFingerprint.count) rows of \(c.dataFingerprint.dimension) values)")
        }
        guard let data = given ?? c.data else {
            throw IsingError("the checkpoint does not hold its \(c.dataFingerprint.count) rows of training data; give them again with data:")
        }
        let loop = try TrainingLoop(model: c.model, data: data, sampler: sampler, settings: c.settings)
        try loop.restoreProgress(step: c.step, velocity: c.velocity, history: c.history, elapsed: c.elapsed)
        return loop
    }
}

/// Rebuilds trainable models from their snapshots, by `kind`. The fvbm, the RBM and the Helmholtz machine are known; other
/// model families register a loader once (for example when their builtins are set up).
public enum ModelRegistry {
    public typealias Loader = @Sendable (JSONNode) throws -> any TrainableModel
    nonisolated(unsafe) private static var loaders: [String: Loader] = [:]
    private static let lock = NSLock()

    /// Makes snapshots of `kind` loadable.
    public static func register(kind: String, _ loader: @escaping Loader) {
        lock.lock(); defer { lock.unlock() }
        loaders[kind] = loader
    }

    /// The model a snapshot describes.
    public static func load(_ node: JSONNode) throws -> any TrainableModel {
        guard let kind = node["kind"]?.string else { throw IsingError("the saved model does not say its kind") }
        if kind == "fvbm" { return try VisibleBoltzmannMachine.load(from: node) }
        if kind == "helmholtz" { return try HelmholtzMachine.load(from: node) }
        if kind == "rbm" { return try RBMTrainable.load(from: node) }
        lock.lock()
        let loader = loaders[kind]
        lock.unlock()
        guard let loader else { throw IsingError("cannot load a saved \(kind) model: no loader is registered for it") }
        return try loader(node)
    }
}
