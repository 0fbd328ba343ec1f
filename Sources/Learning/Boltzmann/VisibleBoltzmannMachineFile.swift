import IsingCore

/// Saving and loading visible Boltzmann machines as JSON:
///
///     {"kind": "fvbm", "nodes": [...], "edges": [[u, v], ...], "h": [...], "J": [...],
///      "chains": [[...], ...] or null, "shape": [rows, cols] or null, "class_columns": [...]}
///
/// Numbers are written in their shortest exact form, so a loaded model has exactly
/// the parameters that were saved.
extension VisibleBoltzmannMachine {
    public func snapshot() -> JSONNode {
        func label(_ l: Label) -> JSONNode {
            switch l {
            case .int(let i): return JSON.integer(i)
            case .string(let s): return JSON.string(s)
            }
        }
        return JSON.object([
            ("kind", JSON.string(kind)),
            ("nodes", JSON.array(graph.nodes.map(label))),
            ("edges", JSON.array(graph.edges.map { JSON.array([JSON.integer($0.0), JSON.integer($0.1)]) })),
            ("h", JSON.array(h.map(JSON.number))),
            ("J", JSON.array(J.map(JSON.number))),
            ("chains", chains.map { JSON.array($0.map { JSON.array($0.map(JSON.integer)) }) } ?? JSONNode(.null)),
            ("shape", shape.map { JSON.array([JSON.integer($0.height), JSON.integer($0.width)]) } ?? JSONNode(.null)),
            ("class_columns", JSON.array(classColumns.map(JSON.integer))),
        ])
    }

    public func restore(from node: JSONNode) throws {
        let other = try VisibleBoltzmannMachine.load(from: node)
        guard other.graph.nodes == graph.nodes, other.graph.edges.elementsEqual(graph.edges, by: { $0 == $1 }) else {
            throw IsingError("the saved model has a different graph")
        }
        h = other.h
        J = other.J
        shape = other.shape
        classColumns = other.classColumns
    }

    /// A machine from the JSON that `snapshot()` writes.
    public static func load(from node: JSONNode) throws -> VisibleBoltzmannMachine {
        guard node["kind"]?.string == "fvbm" else { throw IsingError("not a saved fvbm model (its \"kind\" is not \"fvbm\")") }
        func numbers(_ key: String) throws -> [Double] {
            guard let items = node[key]?.array else { throw IsingError("the saved model has no \"\(key)\" list") }
            return try items.map { n in
                guard let d = n.double else { throw IsingError("\"\(key)\" holds \(n.kind), expected numbers") }
                return d
            }
        }
        func ints(_ n: JSONNode, _ what: String) throws -> [Int] {
            guard let items = n.array else { throw IsingError("\(what) must be a list of integers") }
            return try items.map { x in
                guard let i = x.int else { throw IsingError("\(what) holds \(x.kind), expected integers") }
                return i
            }
        }
        guard let nodeItems = node["nodes"]?.array else { throw IsingError("the saved model has no \"nodes\" list") }
        var g = Graph()
        for n in nodeItems {
            if let i = n.int { g.addNode(.int(i)) } else if let s = n.string { g.addNode(.string(s)) } else {
                throw IsingError("a node name must be an integer or a string, found \(n.kind)")
            }
        }
        guard g.nodeCount == nodeItems.count else { throw IsingError("the saved model repeats a node") }
        for e in node["edges"]?.array ?? [] {
            let uv = try ints(e, "an edge")
            guard uv.count == 2, uv[0] >= 0, uv[1] >= 0, uv[0] < g.nodeCount, uv[1] < g.nodeCount, uv[0] != uv[1] else {
                throw IsingError("an edge must be two different node indices below \(g.nodeCount)")
            }
            g.addEdge(index: uv[0], index: uv[1])
        }
        var chains: [[Int]]?
        if let c = node["chains"]?.array { chains = try c.map { try ints($0, "a chain") } }
        let model = try VisibleBoltzmannMachine(graph: g, chains: chains, initialScale: 0)
        let h = try numbers("h"), J = try numbers("J")
        guard h.count == g.nodeCount, J.count == g.edgeCount else {
            throw IsingError("the saved model has \(h.count) fields and \(J.count) couplings for \(g.nodeCount) nodes and \(g.edgeCount) edges")
        }
        model.h = h
        model.J = J
        if let s = node["shape"], s.array != nil {
            let hw = try ints(s, "the shape")
            guard hw.count == 2, hw[0] >= 1, hw[1] >= 1 else { throw IsingError("the shape must be [rows, cols]") }
            model.shape = PictureShape(height: hw[0], width: hw[1])
        }
        if let cc = node["class_columns"] { model.classColumns = try ints(cc, "class_columns") }
        return model
    }

    /// Writes the model to a JSON file (atomically).
    public func save(to path: String) throws {
        try FileIO.writeAtomically(path, text: JSON.write(snapshot()) + "\n")
    }

    /// Reads a model written by `save(to:)`.
    public static func load(path: String) throws -> VisibleBoltzmannMachine {
        try load(from: try JSON.parse(try FileIO.readText(path), name: path))
    }
}
