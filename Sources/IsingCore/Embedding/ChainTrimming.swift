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
        let neighbours = Array(sourceNeighbors[sourceStart[v]..<sourceStart[v + 1]])
        var slot = [Int32: Int]()
        for (i, u) in neighbours.enumerated() { slot[u] = i }
        var contacts = [Int](repeating: 0, count: neighbours.count)
        var touches: [[Int]] = []
        touches.reserveCapacity(chain.count)
        var degree = [Int](repeating: 0, count: chain.count)
        var position = [Int32: Int]()
        for (i, q) in chain.enumerated() { position[q] = i }
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
        var removed = [Bool](repeating: false, count: chain.count)
        var remaining = chain.count
        var changed = true
        while changed && remaining > 1 {
            changed = false
            for i in chain.indices where !removed[i] && degree[i] <= 1 && remaining > 1 {
                if touches[i].contains(where: { contacts[$0] <= 1 }) { continue }
                removed[i] = true
                remaining -= 1
                changed = true
                for k in touches[i] { contacts[k] -= 1 }
                let q = Int(chain[i])
                for e in targetStart[q]..<targetStart[q + 1] {
                    if let j = position[targetNeighbors[e]], !removed[j] { degree[j] -= 1 }
                }
            }
        }
        guard remaining < chain.count else { return }
        for i in chain.indices where removed[i] { owner[Int(chain[i])] = -1 }
        chain = chain.indices.filter { !removed[$0] }.map { chain[$0] }
        setChain(v, chain)
    }
}

extension ChainRouter {
    /// Tears out the chain of `v`, trims its neighbours' chains of what only served to
    /// reach it, and routes it again without sharing; keeps the result when the total
    /// number of qubits did not grow, otherwise puts everything back.
    mutating func rebuild(_ v: Int, owner: inout [Int32]) {
        let neighbours = sourceNeighbors[sourceStart[v]..<sourceStart[v + 1]].map(Int.init)
        let before = qubitCount
        let saved = [chains[v]] + neighbours.map { chains[$0] }
        for q in chains[v] { owner[Int(q)] = -1 }
        setChain(v, [])
        for u in neighbours { trim(u, owner: &owner) }
        let routed = reroute(v, base: 1, exclusive: true)
        if routed && !chains[v].isEmpty && qubitCount <= before {
            for q in chains[v] { owner[Int(q)] = Int32(v) }
            return
        }
        for (i, w) in ([v] + neighbours).enumerated() {
            for q in chains[w] where owner[Int(q)] == Int32(w) { owner[Int(q)] = -1 }
            setChain(w, saved[i])
            for q in saved[i] { owner[Int(q)] = Int32(w) }
        }
    }
}
