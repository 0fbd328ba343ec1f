import Display
import Foundation
import IsingCore

/// Turns graphs and embeddings into drawings: hardware graphs in their unit-cell layout
/// (with dead qubits marked), others on a circle, or on their grid when they have 2-D
/// coordinates.
enum GraphDrawings {
    /// The most nodes a graph without a hardware layout may have to be drawn.
    static let freeLayoutLimit = 1000

    /// A drawing of `graph`; with `chains` (target node indices per chain) the nodes of each
    /// chain are coloured and the others drawn as unused.
    static func drawing(of graph: Graph, chains: [[Int]]? = nil, source: Graph? = nil, title: String? = nil) throws -> GraphDrawing {
        var chainOf = [Int](repeating: -1, count: graph.nodeCount)
        for (k, chain) in (chains ?? []).enumerated() {
            for q in chain {
                guard q >= 0, q < graph.nodeCount else { throw IsingError("chain \(k) names qubit index \(q), outside the target graph") }
                chainOf[q] = k
            }
        }
        let embedding = chains != nil
        func state(_ i: Int) -> GraphDrawing.State {
            chainOf[i] >= 0 ? .chain(chainOf[i]) : embedding ? .unused : .normal
        }

        var nodes: [GraphDrawing.Node] = []
        var drawn = [Int](repeating: -1, count: graph.nodeCount)
        let layout: GraphDrawing.Layout
        if let topology = graph.topology, let coordinates = graph.coordinates, coordinates.count == graph.nodeCount {
            let lattice = HardwareLayout(topology)
            func add(_ label: Label, _ c: [Int], _ s: GraphDrawing.State) -> Int? {
                guard let p = lattice.place(c) else { return nil }
                nodes.append(GraphDrawing.Node(label: label.description, x: Double(p.x), y: Double(p.y),
                                               shape: p.vertical ? .vertical : .horizontal, state: s))
                return nodes.count - 1
            }
            for i in 0..<graph.nodeCount { drawn[i] = add(graph.nodes[i], coordinates[i], state(i)) ?? -1 }
            for label in graph.removedNodes {
                if case .int(let l) = label, let c = topology.coordinates(of: l) { _ = add(label, c, .dead) }
            }
            layout = trimmed(&nodes, lattice)
        } else {
            guard graph.nodeCount <= freeLayoutLimit else {
                throw IsingError("\(graph.name) has \(graph.nodeCount) nodes, too many to draw without a hardware layout (at most \(freeLayoutLimit))")
            }
            layout = .free
            let positions = freePositions(graph)
            for i in 0..<graph.nodeCount {
                nodes.append(GraphDrawing.Node(label: graph.nodes[i].description, x: positions[i].0, y: positions[i].1, state: state(i)))
                drawn[i] = i
            }
        }

        var edges: [GraphDrawing.Edge] = []
        edges.reserveCapacity(graph.edgeCount)
        for (u, v) in graph.edges where drawn[u] >= 0 && drawn[v] >= 0 {
            let kind: GraphDrawing.EdgeKind
            let (a, b) = (chainOf[u], chainOf[v])
            if a >= 0 && a == b {
                kind = .chain(a)
            } else if a >= 0, b >= 0, let s = source, a < s.nodeCount, b < s.nodeCount, s.hasEdge(a, b) {
                kind = .link
            } else {
                kind = .plain
            }
            edges.append(GraphDrawing.Edge(drawn[u], drawn[v], kind: kind))
        }

        let names = source.map { s in (0..<(chains?.count ?? 0)).map { $0 < s.nodeCount ? s.nodes[$0].description : "\($0)" } }
            ?? (chains ?? []).indices.map(String.init)
        let dead = graph.removedNodes.count
        let deadText = dead > 0 ? ", \(dead) dead" : ""
        // A lattice with dead qubits is named by its lattice; the count follows.
        let name = dead > 0 ? graph.topology?.description ?? graph.name : graph.name
        let caption: String
        if let chains {
            let used = chains.reduce(0) { $0 + $1.count }
            let longest = chains.map(\.count).max() ?? 0
            caption = "\(source?.name ?? "\(chains.count) nodes") -> \(name): \(used) of \(graph.nodeCount) qubits in \(chains.count) chains, longest \(longest)\(deadText)"
        } else {
            let what = graph.topology == nil ? ("nodes", "edges") : ("qubits", "couplers")
            caption = "\(name): \(graph.nodeCount) \(what.0), \(graph.edgeCount) \(what.1)\(deadText)"
        }
        return GraphDrawing(layout: layout, nodes: nodes, edges: edges, chainNames: embedding ? names : [],
                            title: title, caption: caption)
    }

    /// The lattice layout without the rows and columns of cells that hold no node, the
    /// nodes moved to match.
    static func trimmed(_ nodes: inout [GraphDrawing.Node], _ lattice: HardwareLayout) -> GraphDrawing.Layout {
        let w = lattice.cellWidth + 1, h = lattice.cellHeight + 1
        var rows = Set<Int>(), cols = Set<Int>()
        for node in nodes {
            rows.insert(Int(node.y) / h)
            cols.insert(Int(node.x) / w)
        }
        let keptRows = rows.sorted(), keptCols = cols.sorted()
        var rowIndex: [Int: Int] = [:], colIndex: [Int: Int] = [:]
        for (i, r) in keptRows.enumerated() { rowIndex[r] = i }
        for (i, c) in keptCols.enumerated() { colIndex[c] = i }
        for i in nodes.indices {
            let x = Int(nodes[i].x), y = Int(nodes[i].y)
            let r = rowIndex[y / h] ?? 0, c = colIndex[x / w] ?? 0
            nodes[i].x = Double(c * w + x % w)
            nodes[i].y = Double(r * h + y % h)
        }
        return .lattice(cellRows: keptRows.count, cellCols: keptCols.count, cellWidth: lattice.cellWidth,
                        cellHeight: lattice.cellHeight)
    }

    /// Positions in the unit square: the graph's own 2-D coordinates (grids) when it has
    /// them, otherwise evenly around a circle starting at the top.
    static func freePositions(_ graph: Graph) -> [(Double, Double)] {
        let n = graph.nodeCount
        if let c = graph.coordinates, c.count == n, n > 0, c.allSatisfy({ $0.count == 2 }) {
            let rows = c.map { Double($0[0]) }, cols = c.map { Double($0[1]) }
            let (r0, r1) = (rows.min() ?? 0, rows.max() ?? 0), (c0, c1) = (cols.min() ?? 0, cols.max() ?? 0)
            let span = max(1, r1 - r0, c1 - c0)
            return (0..<n).map { ((cols[$0] - c0) / span, (rows[$0] - r0) / span) }
        }
        if n == 1 { return [(0.5, 0.5)] }
        return (0..<n).map { i in
            let angle = 2 * Double.pi * Double(i) / Double(n) - Double.pi / 2
            return (0.5 + 0.5 * cos(angle), 0.5 + 0.5 * sin(angle))
        }
    }
}
