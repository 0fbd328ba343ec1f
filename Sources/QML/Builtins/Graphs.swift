import IsingCore

/// A graph as a language value.
final class GraphValue: NativeValue {
    let graph: Graph
    init(_ graph: Graph) {
        var g = graph
        g.cacheAdjacency()
        self.graph = g
    }

    override var typeName: String { "Graph" }
    override var summary: String { "Graph(\(graph.nodeCount) nodes, \(graph.edgeCount) edges: \(graph.name))" }
    override var display: String {
        let adjacency = graph.adjacency
        let degrees = (0..<graph.nodeCount).map { adjacency.rowStart[$0 + 1] - adjacency.rowStart[$0] }
        var text = summary
        if let lo = degrees.min(), let hi = degrees.max() {
            text += "\n  degree \(lo == hi ? "\(lo)" : "\(lo)–\(hi)"), \(graph.connectedComponents().count) connected component(s)"
        }
        return text
    }
    override var length: Int? { graph.nodeCount }
    override func isEqual(to other: NativeValue) -> Bool {
        guard let g = other as? GraphValue else { return false }
        return g.graph == graph
    }

    override var memberNames: [String] {
        ["nodes", "edges", "degree", "neighbors", "without", "subgraph", "connected_components", "coordinates", "name", "topology", "dead"]
    }

    func nodeIndex(_ v: Value, _ args: Arguments) throws -> Int {
        let l = try args.label(v, what: "node")
        guard let i = graph.index(of: l) else { throw args.error("the graph has no node \(l)") }
        return i
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let g = graph
        switch name {
        case "nodes": return .list(g.nodes.map(\.value))
        case "edges": return .list(g.edges.map { .tuple([g.nodes[$0.0].value, g.nodes[$0.1].value]) })
        case "name": return .str(g.name)
        case "coordinates":
            return method(name, [.required("node")], "The coordinates of a node (hardware and lattice graphs).") { args in
                try self.coordinates(args)
            }
        case "topology", "dead":
            return hardwareMember(name)
        case "degree":
            return method(name, [.required("node")], "The number of neighbours of a node.") { args in
                .int(g.degree(try self.nodeIndex(args.value(0), args)))
            }
        case "neighbors":
            return method(name, [.required("node")], "The neighbours of a node, ascending.") { args in
                .list(g.neighbors(try self.nodeIndex(args.value(0), args)).map { g.nodes[$0].value })
            }
        case "without":
            return method(name, [.optional("nodes"), .optional("edges")], "The graph without some nodes and their edges, or without some edges.") { args in
                try self.without(args)
            }
        case "subgraph":
            return method(name, [.required("nodes")], "The subgraph induced by some nodes.") { args in
                .object(GraphValue(g.subgraph(Set(try args.labels(0)))))
            }
        case "connected_components":
            return method(name, [], "The connected components as lists of nodes, largest first.") { _ in
                .list(g.connectedComponents().map { .list($0.map { g.nodes[$0].value }) })
            }
        default:
            return nil
        }
    }
}

/// A method of a native value: a builtin bound to its receiver.
func method(_ name: String, _ parameters: [BuiltinParameter], _ doc: String, _ body: @escaping Builtin.Body) -> Value {
    .builtin(Builtin(name: name, parameters: parameters, topic: "methods", doc: doc, body: body))
}

extension BuiltinRegistry {
    /// Graph constructors.
    static func registerGraphs(into r: inout BuiltinRegistry) {
        func wrap(_ f: () throws -> Graph, _ args: Arguments) throws -> Value {
            do { return .object(GraphValue(try f())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("complete", [.required("n")], topic: "graphs", doc: """
            The complete graph on nodes 0..<n: every pair joined.
            complete(4).edges   # 6 edges
            """) { args in let n = try args.int(0); return try wrap({ try GraphGenerators.complete(n) }, args) }
        r.add("bipartite", [.required("m"), .required("n")], topic: "graphs", doc: """
            The complete bipartite graph: nodes 0..<m joined to each of m..<m+n.
            """) { args in
            let m = try args.int(0), n = try args.int(1)
            return try wrap({ try GraphGenerators.bipartite(m, n) }, args)
        }
        r.add("grid", [.required("rows"), .required("cols"), .optional("periodic", "false")], topic: "graphs", doc: """
            A rows x cols square lattice, node r * cols + c; `periodic: true` wraps it into a torus.
            grid(8, 8, periodic: true)
            """) { args in
            let rows = try args.int(0), cols = try args.int(1), periodic = try args.bool(2, default: false)
            return try wrap({ try GraphGenerators.grid(rows, cols, periodic: periodic) }, args)
        }
        r.add("cycle", [.required("n")], topic: "graphs", doc: "A ring of n nodes.") { args in
            let n = try args.int(0); return try wrap({ try GraphGenerators.cycle(n) }, args)
        }
        r.add("random_regular", [.required("n"), .required("d"), .optional("seed", "0")], topic: "graphs", doc: """
            A random d-regular graph on n nodes, the same for the same seed.
            """) { args in
            let n = try args.int(0), d = try args.int(1), seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            return try wrap({ try GraphGenerators.randomRegular(n, d, seed: seed) }, args)
        }
        r.add("erdos_renyi", [.required("n"), .required("p"), .optional("seed", "0")], topic: "graphs", doc: """
            A random graph on n nodes with each pair joined with probability p, the same for the same seed.
            """) { args in
            let n = try args.int(0), p = try args.double(1), seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            return try wrap({ try GraphGenerators.erdosRenyi(n, p, seed: seed) }, args)
        }
        r.add("graph", [.required("edges"), .optional("nodes")], topic: "graphs", doc: """
            A graph from a list of edges (pairs of node names), plus optional extra nodes.
            graph([(0, 1), (1, 2)])
            """) { args in
            let edges = try args.sequence(0).map { try args.labelPair($0) }
            let nodes = args.has(1) ? try args.labels(1) : []
            return try wrap({ try Graph(nodes: nodes, edges: edges) }, args)
        }
    }
}
