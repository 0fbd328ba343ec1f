extension ChainRouter {
    /// Sharing rounds a shake may take to make the state an embedding again.
    static let shakeRounds = 20
    /// The weight base of shared nodes during a shake (as in the sharing phase).
    static let shakeBase = 100.0
    /// How many of the longest chains a shake tears out at most (one at first, then up to
    /// this many while shakes in a row bring no better state; more costs time without
    /// shortening chains further).
    static let shakeMostChains = 2

    /// A way out of a state the improvement steps cannot shorten: tears out the `count`
    /// longest chains (ties in random order), routes them again while chains may share
    /// nodes (each path's private end handed to the neighbour it reaches, as in the sharing
    /// phase), and re-routes the chains left invalid in sharing rounds until nothing is
    /// shared, at most `shakeRounds` rounds. The new state is kept when it is an embedding,
    /// even a worse one (the shortening rounds go on from it; the best state is recorded
    /// elsewhere); otherwise everything is put back. Returns whether the state changed.
    @discardableResult
    mutating func shake(owner: inout [Int32], count: Int) -> Bool {
        let saved = chains
        var torn = Array(0..<sourceCount)
        shuffle(&torn)
        torn.sort { chains[$0].count > chains[$1].count }
        torn = Array(torn.prefix(max(1, count)))
        shuffle(&torn)
        for v in torn { setChain(v, []) }
        for v in torn { reroute(v, base: ChainRouter.shakeBase, exclusive: false) }
        var round = 0
        while round < ChainRouter.shakeRounds {
            var bad = invalidNodes()
            if bad.isEmpty && sharedNodeCount == 0 { break }
            shuffle(&bad)
            for v in bad {
                reroute(v, base: ChainRouter.shakeBase, exclusive: false)
                if sharedNodeCount == 0 && invalidNodes().isEmpty { break }
            }
            trimAllWhileSharing()
            recordCongestion(1)
            round += 1
        }
        guard sharedNodeCount == 0, invalidNodes().isEmpty else {
            for v in 0..<sourceCount where chains[v] != saved[v] { setChain(v, saved[v]) }
            owner = owners()
            return false
        }
        owner = owners()
        for v in 0..<sourceCount { trim(v, owner: &owner) }
        return chains != saved
    }
}
