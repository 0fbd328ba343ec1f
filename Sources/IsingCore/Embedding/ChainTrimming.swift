extension ChainRouter {
    /// The chain each target node belongs to (-1 for none), for a state without sharing.
    func owners() -> [Int32] {
        var owner = [Int32](repeating: -1, count: targetCount)
        for (v, chain) in chains.enumerated() { for q in chain { owner[Int(q)] = Int32(v) } }
        return owner
    }

    /// Removes leaves of the chain of `v` that are not needed: a leaf goes when every
    /// neighbouring chain it touches is also touched by another node of the chain. Only
    /// for states where no node is shared; `owner` is kept up to date.
    mutating func trim(_ v: Int, owner: inout [Int32]) {
        var chain = chains[v]
        guard chain.count > 1 else { return }
        let neighbours = sourceNeighbors[sourceStart[v]..<sourceStart[v + 1]]
        let slot = neighbourIndex, position = chainIndex
        let original = chain
        slot.set(neighbours)
        position.set(original)
        defer { slot.reset(neighbours); position.reset(original) }
        var contacts = [Int](repeating: 0, count: neighbours.count)
        var touches: [[Int]] = []
        touches.reserveCapacity(chain.count)
        var degree = [Int](repeating: 0, count: chain.count)
        for (i, q32) in chain.enumerated() {
            let q = Int(q32)
            var ks: [Int] = []
            for e in targetStart[q]..<targetStart[q + 1] {
                let y = targetNeighbors[e]
                if position[y] != nil { degree[i] += 1; continue }
                let o = owner[Int(y)]
                if o >= 0, let k = slot[o], !ks.contains(k) { ks.append(k) }
            }
            for k in ks { contacts[k] += 1 }
            touches.append(ks)
        }
        let (removed, remaining) = peelLeaves(chain, order: Array(chain.indices), position: position,
                                              degree: &degree, touches: touches, contacts: &contacts)
        guard remaining < chain.count else { return }
        for i in chain.indices where removed[i] { owner[Int(chain[i])] = -1 }
        chain = chain.indices.filter { !removed[$0] }.map { chain[$0] }
        setChain(v, chain)
    }
}

extension ChainRouter {
    /// Evens out chain lengths without changing the total: a leaf of a long chain that
    /// touches a chain at least two qubits shorter is handed to that chain, when every
    /// other contact the leaf made is also made elsewhere in its chain. Chains stay
    /// connected (the leaf is adjacent to its new chain) and keep touching each other
    /// (the leaf's old neighbour now touches it). Returns how many qubits moved.
    @discardableResult
    mutating func balance(owner: inout [Int32]) -> Int {
        var moved = 0
        let order = (0..<sourceCount).sorted { chains[$0].count > chains[$1].count }
        for u in order where chains[u].count > 2 {
            var progress = true
            while progress && chains[u].count > 2 {
                progress = false
                guard let (leaf, to) = movableLeaf(of: u, owner: owner) else { break }
                var chain = chains[u]
                chain.removeAll { $0 == leaf }
                setChain(u, chain)
                setChain(to, chains[to] + [leaf])
                owner[Int(leaf)] = Int32(to)
                moved += 1
                progress = true
            }
        }
        return moved
    }

    /// A leaf of chain u and a chain it touches of at most `largestReceiver` qubits
    /// (default: at least two shorter than u's), such that every other neighbour the leaf
    /// touches is touched by another node of u. Among several, the shortest receiver.
    func movableLeaf(of u: Int, owner: [Int32], largestReceiver: Int? = nil) -> (Int32, Int)? {
        let chain = chains[u]
        let length = chain.count
        let receiver = largestReceiver ?? length - 2
        let neighbours = sourceNeighbors[sourceStart[u]..<sourceStart[u + 1]]
        let slot = neighbourIndex
        slot.set(neighbours)
        defer { slot.reset(neighbours) }
        var contacts = [Int](repeating: 0, count: neighbours.count)
        var touches: [[Int]] = []
        var inChainDegree: [Int] = []
        for q32 in chain {
            let q = Int(q32)
            var ks: [Int] = []
            var d = 0
            for e in targetStart[q]..<targetStart[q + 1] {
                let o = owner[Int(targetNeighbors[e])]
                if o == Int32(u) { d += 1; continue }
                if o >= 0, let k = slot[o], !ks.contains(k) { ks.append(k) }
            }
            for k in ks { contacts[k] += 1 }
            touches.append(ks)
            inChainDegree.append(d)
        }
        var best: (Int32, Int, Int)?
        for (i, q32) in chain.enumerated() where inChainDegree[i] == 1 {
            let q = Int(q32)
            for e in targetStart[q]..<targetStart[q + 1] {
                let o = owner[Int(targetNeighbors[e])]
                guard o >= 0, o != Int32(u) else { continue }
                let to = Int(o)
                let size = chains[to].count
                guard size <= receiver else { continue }
                // Contacts only this leaf makes must be with the receiving chain.
                let receiving = slot[o]
                if touches[i].contains(where: { contacts[$0] <= 1 && $0 != receiving }) { continue }
                if best == nil || size < best?.2 ?? Int.max { best = (q32, to, size) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }
}

extension ChainRouter {
    /// Trims every chain of leaves it does not need while chains may still share nodes: a
    /// leaf goes when each neighbouring chain it is adjacent to is also adjacent to
    /// another node of its chain. Leaves on shared nodes are tried first.
    mutating func trimAllWhileSharing() {
        var members = [[Int32]](repeating: [], count: targetCount)
        for (v, chain) in chains.enumerated() { for q in chain { members[Int(q)].append(Int32(v)) } }
        for v in 0..<sourceCount where chains[v].count > 1 {
            var chain = chains[v]
            let neighbours = sourceNeighbors[sourceStart[v]..<sourceStart[v + 1]]
            let slot = neighbourIndex, position = chainIndex
            let original = chain
            slot.set(neighbours)
            position.set(original)
            defer { slot.reset(neighbours); position.reset(original) }
            var contacts = [Int](repeating: 0, count: neighbours.count)
            var touches: [[Int]] = []
            var degree = [Int](repeating: 0, count: chain.count)
            for (i, q32) in chain.enumerated() {
                let q = Int(q32)
                var ks: [Int] = []
                for e in targetStart[q]..<targetStart[q + 1] {
                    let y = targetNeighbors[e]
                    if position[y] != nil { degree[i] += 1 }
                    for o in members[Int(y)] where o != Int32(v) {
                        if let k = slot[o], !ks.contains(k) { ks.append(k) }
                    }
                }
                for k in ks { contacts[k] += 1 }
                touches.append(ks)
            }
            let order = chain.indices.sorted { usage[Int(chain[$0])] > usage[Int(chain[$1])] }
            let (removed, remaining) = peelLeaves(chain, order: order, position: position,
                                                  degree: &degree, touches: touches, contacts: &contacts)
            guard remaining < chain.count else { continue }
            for i in chain.indices where removed[i] {
                let q = Int(chain[i])
                members[q].removeAll { $0 == Int32(v) }
            }
            chain = chain.indices.filter { !removed[$0] }.map { chain[$0] }
            setChain(v, chain)
        }
    }
}
