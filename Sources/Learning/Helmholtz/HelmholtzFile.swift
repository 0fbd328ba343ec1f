import IsingCore

/// Helmholtz machines as JSON, for saved models (`m.save(path)`, `load_model(path)`) and
/// checkpoints of training runs:
///
///     {"kind": "helmholtz", "sizes": [...], "visible": "spin" | "tanh",
///      "generator": [{"W": [...], "c": [...]}, ...], "recognition": [...],
///      "prior": {an fvbm snapshot}, "prior_ranges": {"h": [lo, hi], "J": [lo, hi]} or null,
///      "fixed_chain_coupling": a number or null,
///      "chain_readout": "majority" | "weighted" | "minimize_energy" (majority when absent)}
///
/// Numbers are written in their shortest exact form, so a restored machine has exactly
/// the parameters that were saved.
extension HelmholtzMachine {
    public func snapshot() -> JSONNode {
        func layers(_ ls: [StochasticLayer]) -> JSONNode {
            JSON.array(ls.map { JSON.object([("W", JSON.array($0.weights.map(JSON.number))), ("c", JSON.array($0.bias.map(JSON.number)))]) })
        }
        func range(_ r: ClosedRange<Double>) -> JSONNode { JSON.array([JSON.number(r.lowerBound), JSON.number(r.upperBound)]) }
        return JSON.object([
            ("kind", JSON.string(kind)),
            ("sizes", JSON.array(sizes.map(JSON.integer))),
            ("visible", JSON.string(visible.rawValue)),
            ("generator", layers(generator)),
            ("recognition", layers(recognition)),
            ("prior", prior.snapshot()),
            ("prior_ranges", priorRanges.map { JSON.object([("h", range($0.h)), ("J", range($0.J))]) } ?? JSONNode(.null)),
            ("fixed_chain_coupling", fixedChainCoupling.map(JSON.number) ?? JSONNode(.null)),
            ("chain_readout", JSON.string(chainReadout.rawValue)),
        ])
    }

    /// Writes the machine as JSON (read it back with `ModelRegistry.load`).
    public func save(to path: String) throws {
        try FileIO.writeAtomically(path, text: JSON.write(snapshot()) + "\n")
    }

    public func restore(from node: JSONNode) throws {
        let other = try HelmholtzMachine.load(from: node)
        guard other.sizes == sizes, other.visible == visible, other.prior.count == prior.count,
              other.priorEdges.elementsEqual(priorEdges, by: { $0 == $1 }) else {
            throw IsingError("the saved Helmholtz machine has different layers or a different prior")
        }
        generator = other.generator
        recognition = other.recognition
        prior.h = other.prior.h
        prior.J = other.prior.J
        priorRanges = other.priorRanges
        fixedChainCoupling = other.fixedChainCoupling
        chainReadout = other.chainReadout
    }

    /// A machine from the JSON that `snapshot()` writes.
    public static func load(from node: JSONNode) throws -> HelmholtzMachine {
        guard node["kind"]?.string == "helmholtz" else { throw IsingError("not a saved Helmholtz machine (its \"kind\" is not \"helmholtz\")") }
        func numbers(_ n: JSONNode?, _ what: String) throws -> [Double] {
            guard let items = n?.array else { throw IsingError("the saved Helmholtz machine has no \(what) list") }
            return try items.map { x in
                guard let d = x.double else { throw IsingError("\(what) holds \(x.kind), expected numbers") }
                return d
            }
        }
        let sizes = try numbers(node["sizes"], "sizes").map { d -> Int in
            guard let i = Int(exactly: d) else { throw IsingError("layer sizes must be integers") }
            return i
        }
        guard let visible = node["visible"]?.string.flatMap(Visible.init(rawValue:)) else {
            throw IsingError("the saved Helmholtz machine has no \"visible\" kind")
        }
        guard let priorNode = node["prior"] else { throw IsingError("the saved Helmholtz machine has no prior") }
        let machine = try HelmholtzMachine(sizes: sizes, visible: visible, prior: try VisibleBoltzmannMachine.load(from: priorNode),
                                           seed: 0, scale: 0)
        func layers(_ key: String, _ current: [StochasticLayer]) throws -> [StochasticLayer] {
            guard let items = node[key]?.array, items.count == current.count else {
                throw IsingError("the saved Helmholtz machine has no \"\(key)\" list of \(current.count) layers")
            }
            return try zip(items, current).map { item, layer in
                var l = layer
                l.weights = try numbers(item["W"], "\(key) weights")
                l.bias = try numbers(item["c"], "\(key) biases")
                guard l.weights.count == layer.weights.count, l.bias.count == layer.bias.count else {
                    throw IsingError("a saved \(key) layer has the wrong number of parameters")
                }
                return l
            }
        }
        machine.generator = try layers("generator", machine.generator)
        machine.recognition = try layers("recognition", machine.recognition)
        if let r = node["prior_ranges"], r["h"] != nil {
            let h = try numbers(r["h"], "prior_ranges h"), j = try numbers(r["J"], "prior_ranges J")
            guard h.count == 2, j.count == 2, h[0] <= h[1], j[0] <= j[1] else { throw IsingError("prior ranges must be [low, high]") }
            machine.priorRanges = (h[0]...h[1], j[0]...j[1])
        }
        machine.fixedChainCoupling = node["fixed_chain_coupling"]?.double
        if let name = node["chain_readout"]?.string {
            guard let method = ChainBreakMethod(rawValue: name), chainReadouts.contains(method) else {
                throw IsingError("the saved chain readout \"\(name)\" is not one of majority, weighted, minimize_energy")
            }
            machine.chainReadout = method
        }
        return machine
    }
}
