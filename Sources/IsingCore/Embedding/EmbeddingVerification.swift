extension Embedding {
    /// Checks that this is a minor embedding: one chain per source node, each non-empty,
    /// made of target nodes, connected in the target; no target node in two chains; every
    /// source edge realised by a target edge between the two chains. Throws naming the
    /// first failure.
    public func verify() throws {
        guard chains.count == source.nodeCount else {
            throw IsingError("the embedding has \(chains.count) chains for \(source.nodeCount) source nodes")
        }
        let n = target.nodeCount
        var owner = [Int](repeating: -1, count: n)
        for (v, chain) in chains.enumerated() {
            let name = source.nodes[v]
            guard !chain.isEmpty else { throw IsingError("the chain of \(name) is empty") }
            for q in chain {
                guard q >= 0, q < n else { throw IsingError("the chain of \(name) uses node index \(q), which the target does not have") }
                if owner[q] == v { throw IsingError("the chain of \(name) lists qubit \(target.nodes[q]) twice") }
                if owner[q] >= 0 {
                    throw IsingError("qubit \(target.nodes[q]) is in the chains of both \(source.nodes[owner[q]]) and \(name)")
                }
                owner[q] = v
            }
        }
        let adjacency = target.adjacency
        for (v, chain) in chains.enumerated() where chain.count > 1 {
            var reached = Set([chain[0]])
            var stack = [chain[0]]
            while let x = stack.popLast() {
                for e in adjacency.rowStart[x]..<adjacency.rowStart[x + 1] {
                    let y = Int(adjacency.neighbors[e])
                    if owner[y] == v, !reached.contains(y) { reached.insert(y); stack.append(y) }
                }
            }
            if reached.count < chain.count {
                let apart = chain.first { !reached.contains($0) } ?? chain[0]
                throw IsingError("the chain of \(source.nodes[v]) is not connected in the target: qubit \(target.nodes[apart]) is cut off from qubit \(target.nodes[chain[0]])")
            }
        }
        for (u, v) in source.edges where !chainsTouch(u, v, owner: owner, adjacency: adjacency) {
            throw IsingError("the source edge \(source.nodes[u])–\(source.nodes[v]) has no target edge between their chains")
        }
    }

    /// Whether verification succeeds.
    public var isValid: Bool { (try? verify()) != nil }

    private func chainsTouch(_ u: Int, _ v: Int, owner: [Int], adjacency: Graph.Adjacency) -> Bool {
        let (a, b) = chains[u].count <= chains[v].count ? (u, v) : (v, u)
        for q in chains[a] {
            for e in adjacency.rowStart[q]..<adjacency.rowStart[q + 1] where owner[Int(adjacency.neighbors[e])] == b { return true }
        }
        return false
    }
}
