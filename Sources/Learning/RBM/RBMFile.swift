import IsingCore

/// RBMs as JSON, for `save`/`load_model` and for checkpoints of training runs:
///
///     {"kind": "rbm", "visible": 64, "hidden": 16, "units": "bernoulli" | "spin", "labels": 0,
///      "b": [...], "c": [...], "W": [... visible-major ...],
///      "phase": {"method": "cd" | "pcd" | "sampler", "k": 1, "chains": 0, "temperature": 1.0},
///      "generative": 1.0, "discriminative": 0.0, "persistent": [... one row per chain ...] or null}
///
/// Parameters are single precision; each is written as the shortest decimal of its exact
/// double value, so a loaded machine has bit-for-bit the parameters (and PCD chains) that
/// were saved. A "sampler" phase names no sampler: the run's sampler is given again on
/// resuming. Files without "phase" (plain saved models) load with CD-1.
extension RBMTrainable {
    public func snapshot() -> JSONNode {
        func floats(_ xs: [Float]) -> JSONNode { JSON.array(xs.map { JSON.number(Double($0)) }) }
        let (k, chains, temperature): (Int, Int, Double)
        switch phase {
        case .cd(let kk): (k, chains, temperature) = (kk, 0, 1)
        case .pcd(let kk, let c): (k, chains, temperature) = (kk, c, 1)
        case .sampler(_, _, let t): (k, chains, temperature) = (1, 0, t)
        }
        return JSON.object([
            ("kind", JSON.string(kind)),
            ("visible", JSON.integer(rbm.visible)), ("hidden", JSON.integer(rbm.hidden)),
            ("units", JSON.string(rbm.units.rawValue)), ("labels", JSON.integer(rbm.labels)),
            ("b", floats(rbm.visibleBias)),
            ("c", floats(rbm.hiddenBias)),
            ("W", floats(rbm.weights)),
            ("phase", JSON.object([("method", JSON.string(phase.name)), ("k", JSON.integer(k)), ("chains", JSON.integer(chains)),
                                   ("temperature", JSON.number(temperature))])),
            ("generative", JSON.number(generative)), ("discriminative", JSON.number(discriminative)),
            ("persistent", persistent.map(floats) ?? JSONNode(.null)),
        ])
    }

    /// Replaces the parameters, negative phase and chains with a snapshot's, which must be
    /// of a machine of the same size and units. A "sampler" phase keeps this model's sampler.
    public func restore(from node: JSONNode) throws {
        let other = try RBMTrainable.load(from: node)
        let o = other.rbm
        guard o.visible == rbm.visible, o.hidden == rbm.hidden, o.units == rbm.units, o.labels == rbm.labels else {
            throw IsingError("the saved RBM is \(o.visible) x \(o.hidden) (\(o.units.rawValue), \(o.labels) labels); "
                             + "this one is \(rbm.visible) x \(rbm.hidden) (\(rbm.units.rawValue), \(rbm.labels) labels)")
        }
        rbm.visibleBias = o.visibleBias
        rbm.hiddenBias = o.hiddenBias
        rbm.weights = o.weights
        if case .sampler(let sampler, let reads, _) = phase, case .sampler(_, _, let t) = other.phase {
            phase = .sampler(sampler, reads: reads, temperature: t)
        } else {
            phase = other.phase
        }
        generative = other.generative
        discriminative = other.discriminative
        persistent = other.persistent
    }

    /// A machine from the JSON that `snapshot()` writes, with every size checked.
    public static func load(from node: JSONNode) throws -> RBMTrainable {
        guard node["kind"]?.string == "rbm" else { throw IsingError("not a saved RBM (its \"kind\" is not \"rbm\")") }
        func integer(_ key: String, in n: JSONNode = node) throws -> Int {
            guard let i = n[key]?.int else { throw IsingError("the saved RBM has no whole number \"\(key)\"") }
            return i
        }
        func number(_ key: String, in n: JSONNode, default d: Double) throws -> Double {
            guard let item = n[key], item.kind != "null" else { return d }
            guard let x = item.double, x.isFinite else { throw IsingError("the saved RBM's \"\(key)\" is \(item.kind), expected a number") }
            return x
        }
        func floats(_ key: String, _ count: Int?) throws -> [Float] {
            guard let items = node[key]?.array else { throw IsingError("the saved RBM has no \"\(key)\" list") }
            if let count, items.count != count {
                throw IsingError("the saved RBM's \"\(key)\" holds \(items.count) numbers, expected \(count)")
            }
            return try items.map { n in
                guard let d = n.double, d.isFinite else { throw IsingError("the saved RBM's \"\(key)\" holds \(n.kind), expected finite numbers") }
                return Float(d)
            }
        }
        guard let units = node["units"]?.string.flatMap(UnitKind.init(rawValue:)) else {
            throw IsingError("the saved RBM's \"units\" must be \"bernoulli\" or \"spin\"")
        }
        // The weights are checked against the sizes first, so a file claiming a huge machine
        // costs nothing before it is refused; the initialiser checks the sizes and the label block.
        let nv = try integer("visible"), nh = try integer("hidden")
        let (n, overflow) = nv.multipliedReportingOverflow(by: nh)
        let weights = !overflow && nv >= 1 && nh >= 1 ? try floats("W", n) : []
        let m = try RBM(visible: nv, hidden: nh, units: units, labels: node["labels"].map { _ in try integer("labels") } ?? 0,
                        seed: 0, scale: 0)
        m.weights = weights
        m.visibleBias = try floats("b", m.visible)
        m.hiddenBias = try floats("c", m.hidden)

        var phase = NegativePhase.cd(k: 1)
        if let p = node["phase"], p.kind != "null" {
            let k = try integer("k", in: p)
            switch p["method"]?.string {
            case "cd": phase = .cd(k: k)
            case "pcd": phase = .pcd(k: k, chains: try integer("chains", in: p))
            case "sampler":
                phase = .sampler(ChainPhaseSampler(name: "sampler"), reads: 1, temperature: try number("temperature", in: p, default: 1))
            default: throw IsingError("the saved RBM's negative phase must be \"cd\", \"pcd\" or \"sampler\"")
            }
        }
        let model = RBMTrainable(m, phase: phase, generative: try number("generative", in: node, default: 1),
                                 discriminative: try number("discriminative", in: node, default: 0))
        if let p = node["persistent"], p.kind != "null" {
            let chains = try floats("persistent", nil)
            let (lo, hi) = units.values
            guard chains.allSatisfy({ $0 == lo || $0 == hi }) else {
                throw IsingError("the saved RBM's persistent chains must hold only \(lo) and \(hi)")
            }
            model.persistent = chains
        }
        try model.validate()
        return model
    }

    /// Writes the machine as JSON (atomically).
    public func save(to path: String) throws {
        try FileIO.writeAtomically(path, text: JSON.write(snapshot()) + "\n")
    }
}
