extension ChainRouter {
    /// How many roots of nearly least summed distance an improvement step builds a chain
    /// from, keeping the smallest chain.
    static let improvementRoots = 8
    /// How far above the least summed distance those roots may lie.
    static let improvementRootSlack = 1.0
    /// What crossing a node of another chain costs a displaced chain (a free node costs 1).
    static let displacementCost = 3.0
    /// How many further chains a displacement may move when it leaves one too long.
    static let displacementCascade = 3

    /// Shortens the chains of a state without sharing, round after round: in each round
    /// every chain, longest first, gets an improvement step (`improve`) that is kept when
    /// no chain becomes longer than the longest chain of the best state seen so far (or of
    /// the current state, after a shake), so chains can move sideways and make room.
    /// Leaves of long chains are then handed to much shorter neighbours (`balance`). After
    /// a round that brought nothing, the longest chains are displaced (`displace`), and if
    /// that brings nothing either, the longest chain is torn out and re-routed with sharing
    /// (`shake`); the two longest from the second shake in a row that does not lead to a
    /// better state. Stops after `patience` rounds that do not improve the best state
    /// (shortest longest chain, then fewest qubits), or at the deadline. Returns the best
    /// state's chains and the rounds run.
    mutating func shortenChains(owner: inout [Int32], patience: Int, deadline: Double) -> (chains: [[Int32]], rounds: Int) {
        var best = chains
        var bestKey = (maxChain, qubitCount)
        var stale = 0
        var rounds = 0
        var shakes = 0
        func record(_ improved: inout Bool) {
            let key = (maxChain, qubitCount)
            if key < bestKey { bestKey = key; best = chains; improved = true }
        }
        while stale < patience && monotonicSeconds() <= deadline && !Cancellation.isRequested {
            var order = Array(0..<sourceCount)
            shuffle(&order)
            order.sort { chains[$0].count > chains[$1].count }
            var improved = false
            for v in order {
                let cap = max(bestKey.0, maxChain)
                improve(v, owner: &owner, longest: cap)
                record(&improved)
            }
            balance(owner: &owner)
            record(&improved)
            if !improved {
                // Stuck: move the longest chains where they would be short, pushing aside
                // the chains in the way.
                let longest = maxChain
                for v in 0..<sourceCount where chains[v].count == longest {
                    displace(v, owner: &owner, overlapCost: ChainRouter.displacementCost, cap: bestKey.0 - 1,
                             cascade: ChainRouter.displacementCascade)
                    record(&improved)
                }
                if !improved {
                    shake(owner: &owner, count: min(1 + shakes, ChainRouter.shakeMostChains))
                    shakes += 1
                }
            }
            rounds += 1
            if improved { shakes = 0 }
            stale = improved ? 0 : stale + 1
        }
        return (best, rounds)
    }

    /// One improvement step for a state without sharing: tears out the chain of `u`, trims
    /// its neighbours' chains of what only served to reach it, and routes it again through
    /// free nodes, building a chain from each of a few roots of nearly least summed
    /// distance and keeping the smallest. Then, as long as one can go, a leaf of the new
    /// chain is handed to a neighbouring chain shorter than `longest` (one whose other
    /// contacts are made elsewhere too), so neighbours grow towards the chain instead of
    /// the chain reaching out to them. Keeps the change when no chain is longer than
    /// `longest`; otherwise puts everything back. Returns whether the change was kept.
    @discardableResult
    mutating func improve(_ u: Int, owner: inout [Int32], longest: Int) -> Bool {
        let neighbours = sourceNeighbors[sourceStart[u]..<sourceStart[u + 1]].map(Int.init)
        let touched = [u] + neighbours
        let saved = touched.map { chains[$0] }
        for q in chains[u] { owner[Int(q)] = -1 }
        setChain(u, [])
        for w in neighbours { trim(w, owner: &owner) }
        let routed = reroute(u, base: 1, exclusive: true, rootCandidates: ChainRouter.improvementRoots,
                             rootSlack: ChainRouter.improvementRootSlack)
        if routed && !chains[u].isEmpty {
            for q in chains[u] { owner[Int(q)] = Int32(u) }
            while chains[u].count > 1, let (leaf, to) = movableLeaf(of: u, owner: owner, largestReceiver: longest - 1) {
                var chain = chains[u]
                chain.removeAll { $0 == leaf }
                setChain(u, chain)
                setChain(to, chains[to] + [leaf])
                owner[Int(leaf)] = Int32(to)
            }
            if touched.allSatisfy({ chains[$0].count <= longest }) { return true }
        }
        for (i, w) in touched.enumerated() {
            for q in chains[w] where owner[Int(q)] == Int32(w) { owner[Int(q)] = -1 }
            setChain(w, saved[i])
            for q in saved[i] { owner[Int(q)] = Int32(w) }
        }
        return false
    }
}

extension ChainRouter {
    /// The longest chain, how many chains are that long, and the qubits in all.
    var lengthKey: (Int, Int, Int) {
        var longest = 0, atLongest = 0, qubits = 0
        for chain in chains {
            qubits += chain.count
            if chain.count > longest { longest = chain.count; atLongest = 1 } else if chain.count == longest { atLongest += 1 }
        }
        return (longest, atLongest, qubits)
    }

    /// A move for a chain that cannot get shorter among the others as they are: tears out
    /// the chain of `u` and routes it where it would be short if it could pass through other
    /// chains (each node of another chain costing `overlapCost`), then tears out the chains
    /// it now crosses and routes them again around it, without sharing. While that leaves a
    /// chain longer than `cap`, the longest is moved the same way, up to `cascade` times.
    /// Keeps the change when the embedding is valid and better (shortest longest chain, then
    /// fewest chains that long, then fewest qubits); otherwise puts everything back.
    @discardableResult
    mutating func displace(_ u: Int, owner: inout [Int32], overlapCost: Double, cap: Int, cascade: Int) -> Bool {
        let before = lengthKey
        let saved = chains
        let savedOwner = owner
        var ok = displaceStep(u, owner: &owner, overlapCost: overlapCost)
        var steps = 0
        while ok && steps < cascade {
            var longest = -1
            for v in 0..<sourceCount where chains[v].count > cap && (longest < 0 || chains[v].count > chains[longest].count) { longest = v }
            guard longest >= 0 else { break }
            ok = displaceStep(longest, owner: &owner, overlapCost: overlapCost)
            steps += 1
        }
        if ok && sharedNodeCount == 0 && lengthKey < before && invalidNodes().isEmpty { return true }
        for v in 0..<sourceCount where chains[v] != saved[v] { setChain(v, saved[v]) }
        owner = savedOwner
        return false
    }

    /// One displacement (see `displace`), without undo; false when some chain could not be routed.
    private mutating func displaceStep(_ u: Int, owner: inout [Int32], overlapCost: Double) -> Bool {
        let neighbours = sourceNeighbors[sourceStart[u]..<sourceStart[u + 1]].map(Int.init)
        for q in chains[u] { owner[Int(q)] = -1 }
        setChain(u, [])
        for w in neighbours { trim(w, owner: &owner) }
        guard reroute(u, base: 1, exclusive: false, overlapCost: overlapCost), !chains[u].isEmpty else { return false }
        var crossed: [Int] = []
        for q in chains[u] where owner[Int(q)] >= 0 {
            let w = Int(owner[Int(q)])
            if !crossed.contains(w) { crossed.append(w) }
        }
        for w in crossed {
            for q in chains[w] where owner[Int(q)] == Int32(w) { owner[Int(q)] = -1 }
            setChain(w, [])
        }
        for q in chains[u] { owner[Int(q)] = Int32(u) }
        for w in crossed {
            guard reroute(w, base: 1, exclusive: true, rootCandidates: ChainRouter.improvementRoots,
                          rootSlack: ChainRouter.improvementRootSlack), !chains[w].isEmpty else { return false }
            for q in chains[w] { owner[Int(q)] = Int32(w) }
        }
        return true
    }
}
