import IsingCore

// The members of graphs that hardware graphs need: coordinates of qubits, the topology,
// the dead qubits, and removing qubits or couplers.
extension GraphValue {
    /// `g.coordinates(q)`: the coordinate tuple of a node.
    func coordinates(_ args: Arguments) throws -> Value {
        let l = try args.label(args.value(0), what: "node")
        guard let coordinates = graph.coordinates else {
            throw args.error("\(graph.name) has no coordinates",
                             hint: "coordinates belong to hardware graphs (chimera, pegasus, zephyr) and grids")
        }
        guard let i = graph.index(of: l), i < coordinates.count else {
            if graph.removedNodes.contains(l) {
                throw args.error("qubit \(l) was removed from \(graph.name)", hint: "g.dead lists the removed qubits")
            }
            let range = graph.topology.map { " (labels run from 0 to \($0.labelCount - 1))" } ?? ""
            throw args.error("\(graph.name) has no node \(l)\(range)", hint: "g.nodes lists the nodes")
        }
        return .tuple(coordinates[i].map { .int($0) })
    }

    /// `g.topology` and `g.dead`.
    func hardwareMember(_ name: String) -> Value {
        if name == "dead" { return .list(graph.removedNodes.map(\.value)) }
        guard let t = graph.topology else { return .null }
        return .record(RecordBox([
            ("family", .str(t.family.rawValue)), ("m", .int(t.m)), ("n", .int(t.n)), ("t", .int(t.t)),
            ("coordinates", .list(t.coordinateNames.map { .str($0) })),
        ]))
    }

    /// `g.without(nodes)`, `g.without(edges: [(a, b)])` or both.
    func without(_ args: Arguments) throws -> Value {
        guard args.has(0) || args.has(1) else {
            throw args.error("give the nodes or the edges to remove", hint: "g.without([0, 5]) or g.without(edges: [(0, 4)])")
        }
        var g = graph
        if args.has(1) {
            let pairs = try args.sequence(1).map { try args.labelPair($0) }
            for (a, b) in pairs {
                if let u = g.index(of: a), let v = g.index(of: b), g.hasEdge(u, v) { continue }
                throw args.error("the graph has no edge (\(a), \(b))", hint: "g.edges lists the edges")
            }
            g = g.withoutEdges(pairs)
        }
        if args.has(0) { g = g.without(Set(try args.labels(0))) }
        return .object(GraphValue(g))
    }
}
