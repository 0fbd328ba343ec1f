/// An undirected simple graph with labelled nodes: the structure of a model (which
/// couplings exist) and, later, of hardware. Nodes keep their insertion order; edges are
/// stored once with node indices (u < v) and as a CSR adjacency that samplers use.
public struct Graph: Sendable {
    public private(set) var nodes: [Label] = []
    private var indexOf: [Label: Int] = [:]
    /// Each edge once, as node indices with u < v, in insertion order.
    public private(set) var edges: [(Int, Int)] = []
    private var edgeSet: Set<Int64> = []
    /// A short description of how the graph was made, e.g. "complete(5)".
    public var name: String = "graph"
    /// Optional coordinates of each node (hardware graphs), by node index.
    public var coordinates: [[Int]]?
    /// The hardware lattice this graph was built as (kept by subgraphs and removals).
    public var topology: HardwareTopology?
    /// Nodes taken out with `without` (dead qubits), in the order they were removed.
    public var removedNodes: [Label] = []

    public init() {}

    /// A graph from nodes and edges given by label. Self-loops are rejected; repeated
    /// edges are kept once; nodes that appear only in edges are added.
    public init(nodes: [Label] = [], edges: [(Label, Label)]) throws {
        for n in nodes { addNode(n) }
        for (a, b) in edges { try addEdge(a, b) }
    }

    public var nodeCount: Int { nodes.count }
    public var edgeCount: Int { edges.count }

    /// The index of a node, if present.
    public func index(of label: Label) -> Int? { indexOf[label] }

    @discardableResult
    public mutating func addNode(_ label: Label) -> Int {
        if let i = indexOf[label] { return i }
        indexOf[label] = nodes.count
        nodes.append(label)
        return nodes.count - 1
    }

    private static func key(_ u: Int, _ v: Int) -> Int64 { Int64(min(u, v)) << 32 | Int64(max(u, v)) }

    /// Adds an edge between two labelled nodes (adding the nodes if new).
    public mutating func addEdge(_ a: Label, _ b: Label) throws {
        guard a != b else { throw IsingError("an edge needs two different nodes, got \(a)–\(b)") }
        let u = addNode(a), v = addNode(b)
        addEdge(index: u, index: v)
    }

    /// Adds an edge by node indices (ignored if present or a self-loop).
    public mutating func addEdge(index u: Int, index v: Int) {
        guard u != v else { return }
        let k = Graph.key(u, v)
        if edgeSet.contains(k) { return }
        edgeSet.insert(k)
        edges.append((min(u, v), max(u, v)))
        adjacencyCache = nil
    }

    /// Whether two nodes (by index) are joined.
    public func hasEdge(_ u: Int, _ v: Int) -> Bool { edgeSet.contains(Graph.key(u, v)) }

    // MARK: - Adjacency

    /// CSR adjacency: the neighbours of node i are `neighbors[rowStart[i]..<rowStart[i+1]]`.
    public struct Adjacency: Sendable {
        public let rowStart: [Int]
        public let neighbors: [Int32]
    }

    private var adjacencyCache: Adjacency?

    /// The compact adjacency (computed from the edge list).
    public var adjacency: Adjacency {
        if let a = adjacencyCache { return a }
        var degree = [Int](repeating: 0, count: nodes.count)
        for (u, v) in edges { degree[u] += 1; degree[v] += 1 }
        var start = [Int](repeating: 0, count: nodes.count + 1)
        for i in 0..<nodes.count { start[i + 1] = start[i] + degree[i] }
        var fill = start
        var nb = [Int32](repeating: 0, count: start[nodes.count])
        for (u, v) in edges {
            nb[fill[u]] = Int32(v); fill[u] += 1
            nb[fill[v]] = Int32(u); fill[v] += 1
        }
        for i in 0..<nodes.count { nb[start[i]..<start[i + 1]].sort() }
        return Adjacency(rowStart: start, neighbors: nb)
    }

    /// Computes the adjacency once and keeps it, so that `degree` and `neighbors` stop
    /// rebuilding it (any later edge change drops it again).
    public mutating func cacheAdjacency() {
        if adjacencyCache == nil { adjacencyCache = adjacency }
    }

    /// The degree of node i.
    public func degree(_ i: Int) -> Int {
        let a = adjacency
        return a.rowStart[i + 1] - a.rowStart[i]
    }

    /// The neighbours of node i, by index, ascending.
    public func neighbors(_ i: Int) -> [Int] {
        let a = adjacency
        return a.neighbors[a.rowStart[i]..<a.rowStart[i + 1]].map(Int.init)
    }

    // MARK: - Derived graphs

    /// The subgraph induced by the given nodes (in this graph's order).
    public func subgraph(_ keep: Set<Label>) -> Graph {
        var g = Graph()
        g.name = "subgraph of \(name)"
        var map = [Int](repeating: -1, count: nodes.count)
        for (i, n) in nodes.enumerated() where keep.contains(n) { map[i] = g.addNode(n) }
        for (u, v) in edges where map[u] >= 0 && map[v] >= 0 { g.addEdge(index: map[u], index: map[v]) }
        if let c = coordinates { g.coordinates = nodes.indices.filter { map[$0] >= 0 }.map { c[$0] } }
        g.topology = topology
        return g
    }

    /// The graph without the given nodes (and their edges).
    public func without(_ remove: Set<Label>) -> Graph {
        var g = subgraph(Set(nodes).subtracting(remove))
        g.name = "\(name) without \(remove.count) node\(remove.count == 1 ? "" : "s")"
        g.removedNodes = removedNodes + nodes.filter { remove.contains($0) }
        return g
    }

    /// The graph without the given edges (by label pairs).
    public func withoutEdges(_ remove: [(Label, Label)]) -> Graph {
        var drop = Set<Int64>()
        for (a, b) in remove { if let u = indexOf[a], let v = indexOf[b] { drop.insert(Graph.key(u, v)) } }
        var g = Graph()
        g.name = name
        for n in nodes { g.addNode(n) }
        for (u, v) in edges where !drop.contains(Graph.key(u, v)) { g.addEdge(index: u, index: v) }
        g.coordinates = coordinates
        g.topology = topology
        g.removedNodes = removedNodes
        return g
    }

    /// Connected components as lists of node indices, each ascending, largest first
    /// (ties by smallest node).
    public func connectedComponents() -> [[Int]] {
        let a = adjacency
        var seen = [Bool](repeating: false, count: nodes.count)
        var out: [[Int]] = []
        for s in 0..<nodes.count where !seen[s] {
            var stack = [s]
            seen[s] = true
            var comp: [Int] = []
            while let x = stack.popLast() {
                comp.append(x)
                for k in a.rowStart[x]..<a.rowStart[x + 1] {
                    let y = Int(a.neighbors[k])
                    if !seen[y] { seen[y] = true; stack.append(y) }
                }
            }
            out.append(comp.sorted())
        }
        return out.sorted { $0.count > $1.count || ($0.count == $1.count && ($0.first ?? 0) < ($1.first ?? 0)) }
    }
}

extension Graph: Equatable {
    /// Graphs are equal when they have the same nodes and the same edges, in any order.
    public static func == (a: Graph, b: Graph) -> Bool {
        guard Set(a.nodes) == Set(b.nodes), a.edges.count == b.edges.count else { return false }
        for (u, v) in a.edges {
            guard let x = b.indexOf[a.nodes[u]], let y = b.indexOf[a.nodes[v]], b.hasEdge(x, y) else { return false }
        }
        return true
    }
}
