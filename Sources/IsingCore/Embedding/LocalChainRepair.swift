/// Repairs a few damaged chains of an almost complete embedding by growing them through
/// unused target nodes: first each damaged chain's pieces are joined by shortest paths
/// of unused nodes, then, for every source neighbour its chain no longer touches, the
/// chain grows along a shortest path of unused nodes to a node next to that neighbour's
/// chain; last, leaves a mended chain no longer needs are dropped. Whole chains are left as
/// they are. Much cheaper than re-routing a damaged chain from scratch, and the chains
/// stay close to their native shape.
struct LocalChainRepair {
    let source: Graph
    let target: Graph

    /// The chains after repair, and the damaged chains that could not be mended (not
    /// joined, or not reaching some neighbour through unused nodes; they are left as far
    /// as they got). Nil when the chains overlap. `damaged` lists the chains to repair.
    func run(chains initial: [[Int]], damaged: [Int]) -> (chains: [[Int]], unmended: [Int])? {
        var chains = initial
        let n = target.nodeCount
        let adjacency = target.adjacency
        var owner = [Int](repeating: -1, count: n)
        for (v, chain) in chains.enumerated() {
            for q in chain {
                guard q >= 0, q < n, owner[q] < 0 else { return nil }
                owner[q] = v
            }
        }
        var unmended = Set<Int>()
        // Join the pieces of each damaged chain.
        for v in damaged {
            guard !chains[v].isEmpty else { unmended.insert(v); continue }
            while true {
                let piece = component(of: chains[v][0], chain: v, owner: owner, adjacency: adjacency)
                guard piece.count < chains[v].count else { break }
                let inPiece = Set(piece)
                let path = shortestPath(from: piece, owner: owner, adjacency: adjacency) { q in
                    neighbors(q, adjacency).contains { owner[$0] == v && !inPiece.contains($0) }
                }
                guard let path else { unmended.insert(v); break }
                for q in path { owner[q] = v }
                chains[v] += path
            }
        }
        // Reach every neighbour a damaged chain no longer touches.
        for v in damaged where !unmended.contains(v) {
            while true {
                var touched = Set<Int>()
                for q in chains[v] { for x in neighbors(q, adjacency) where owner[x] >= 0 { touched.insert(owner[x]) } }
                let missing = Set(source.neighbors(v).filter { !touched.contains($0) })
                guard !missing.isEmpty else { break }
                let path = shortestPath(from: chains[v], owner: owner, adjacency: adjacency) { q in
                    neighbors(q, adjacency).contains { owner[$0] >= 0 && missing.contains(owner[$0]) }
                }
                guard let path else { unmended.insert(v); break }
                for q in path { owner[q] = v }
                chains[v] += path
            }
        }
        for v in damaged where !unmended.contains(v) { trim(v, &chains, &owner, adjacency) }
        return (chains, unmended.sorted())
    }

    /// Drops leaves of chain v that it needs neither to stay connected nor to touch a
    /// neighbour (pieces of a damaged run that the detours made redundant).
    private func trim(_ v: Int, _ chains: inout [[Int]], _ owner: inout [Int], _ adjacency: Graph.Adjacency) {
        let wanted = Set(source.neighbors(v))
        var changed = true
        while changed && chains[v].count > 1 {
            changed = false
            // Couplers from the chain to each neighbouring chain.
            var touching = [Int: Int]()
            for q in chains[v] { for x in neighbors(q, adjacency) where owner[x] >= 0 && owner[x] != v { touching[owner[x], default: 0] += 1 } }
            for q in chains[v] {
                let inside = neighbors(q, adjacency).filter { owner[$0] == v }
                guard inside.count == 1 else { continue }
                var lost = [Int: Int]()
                for x in neighbors(q, adjacency) where owner[x] >= 0 && owner[x] != v { lost[owner[x], default: 0] += 1 }
                guard !lost.contains(where: { wanted.contains($0.key) && touching[$0.key, default: 0] <= $0.value }) else { continue }
                owner[q] = -1
                chains[v].removeAll { $0 == q }
                changed = true
                break
            }
        }
    }

    /// The neighbours of target node q.
    private func neighbors(_ q: Int, _ adjacency: Graph.Adjacency) -> [Int] {
        adjacency.neighbors[adjacency.rowStart[q]..<adjacency.rowStart[q + 1]].map(Int.init)
    }

    /// The nodes of chain v connected to `start` within the chain.
    private func component(of start: Int, chain v: Int, owner: [Int], adjacency: Graph.Adjacency) -> [Int] {
        var seen: Set<Int> = [start]
        var stack = [start], out = [start]
        while let q = stack.popLast() {
            for x in neighbors(q, adjacency) where owner[x] == v && !seen.contains(x) {
                seen.insert(x); stack.append(x); out.append(x)
            }
        }
        return out
    }

    /// The shortest path of unused nodes from a node next to `sources` to an unused node
    /// where `done` holds (the path's nodes, nearest first), or nil. A source node itself
    /// satisfying `done` gives an empty path.
    private func shortestPath(from sources: [Int], owner: [Int], adjacency: Graph.Adjacency,
                              done: (Int) -> Bool) -> [Int]? {
        if sources.contains(where: done) { return [] }
        var parent = [Int: Int]()
        var queue: [Int] = []
        let start = Set(sources)
        for s in sources {
            for x in neighbors(s, adjacency) where owner[x] < 0 && parent[x] == nil && !start.contains(x) {
                parent[x] = -1; queue.append(x)
            }
        }
        var head = 0
        while head < queue.count {
            let q = queue[head]; head += 1
            if done(q) {
                var path = [q]
                var p = parent[q] ?? -1
                while p >= 0 { path.append(p); p = parent[p] ?? -1 }
                return path.reversed()
            }
            for x in neighbors(q, adjacency) where owner[x] < 0 && parent[x] == nil && !start.contains(x) {
                parent[x] = q; queue.append(x)
            }
        }
        return nil
    }
}
