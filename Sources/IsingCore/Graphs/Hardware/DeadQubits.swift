extension HardwareGraphs {
    /// A copy of `graph` without `count` qubits chosen uniformly at random (the same for
    /// the same seed), as on a processor whose calibration left some qubits unusable. The
    /// removed qubits are listed in the result's `removedNodes`, ascending by node index.
    public static func deadQubits(_ graph: Graph, count: Int, seed: Int) throws -> Graph {
        guard count >= 0 else { throw IsingError("count must not be negative, got \(count)") }
        guard count <= graph.nodeCount else {
            throw IsingError("cannot remove \(count) qubits from a graph of \(graph.nodeCount)")
        }
        var rng = Xoshiro256(seed: seed)
        var order = Array(0..<graph.nodeCount)
        for i in 0..<count {
            let j = i + rng.nextInt(below: graph.nodeCount - i)
            order.swapAt(i, j)
        }
        let dead = order.prefix(count).sorted().map { graph.nodes[$0] }
        var g = graph.without(Set(dead))
        // A lattice keeps its own name with the total count ("chimera(16) with 20 dead qubits").
        let total = g.removedNodes.count
        let base = graph.topology.map { t in graph.removedNodes.isEmpty ? graph.name : t.description } ?? graph.name
        g.name = "\(base) with \(total) dead qubit\(total == 1 ? "" : "s")"
        return g
    }
}
