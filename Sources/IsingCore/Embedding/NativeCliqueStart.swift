/// Where the search starts for a complete source graph on a Chimera target.
enum NativeCliqueStart {
    /// A placement of the native layout with every chain whole: the answer itself.
    case whole(Embedding)
    /// The layout with its broken chains mended as far as detours through unused qubits
    /// reach (target node indices per source node); chains left broken are re-routed.
    case mended([[Int]])
}

extension EmbeddingSearch {
    /// For a complete source graph on a Chimera target (a graph with a Chimera topology):
    /// the native clique layout (`ChimeraCliqueLayout`) when some placement of it has every
    /// chain whole; otherwise, among every placement of every square that can hold the
    /// clique, the one whose broken chains `LocalChainRepair` mends best (fewest chains
    /// left unmended, then shortest longest chain, then fewest qubits). Nil when the source
    /// is not a clique, the target is not Chimera, or the clique is larger than the layout.
    func nativeCliqueStart(source: Graph, target: Graph) -> NativeCliqueStart? {
        let count = source.nodeCount
        guard count >= 2, let topology = target.topology, topology.family == .chimera else { return nil }
        let (pairs, overflow) = count.multipliedReportingOverflow(by: count - 1)
        guard !overflow, source.edgeCount == pairs / 2, count <= min(topology.m, topology.n) * topology.t,
              let layout = try? ChimeraCliqueLayout(m: topology.m, n: topology.n, t: topology.t),
              let found = try? layout.place(clique: count, into: target) else { return nil }
        // Every pair of chains touches, so chain i may serve source node i.
        if let whole = found.whole { return .whole(Embedding(source: source, target: target, chains: whole.chains)) }
        return layout.mendedChains(clique: count, into: target).map { .mended($0) }
    }
}

extension ChimeraCliqueLayout {
    /// Chains for K_count in `target` when no placement keeps every chain whole: every
    /// placement of every square that can hold the clique, its broken chains mended by
    /// detours through unused qubits (`LocalChainRepair`), the best kept (fewest chains left
    /// unmended, then shortest longest chain, then fewest qubits). Chains left unmended are
    /// as far as the detours got. Nil when no square holds the clique.
    func mendedChains(clique count: Int, into target: Graph) -> [[Int]]? {
        guard let source = try? GraphGenerators.complete(count), count >= 1 else { return nil }
        let repair = LocalChainRepair(source: source, target: target)
        var best: (chains: [[Int]], key: (Int, Int, Int))?
        let smallest = (count + t - 1) / t
        guard smallest <= min(m, n) else { return nil }
        for s in smallest...min(m, n) {
            for p in placements(size: s) {
                let (chains, intact) = self.chains(clique: count, placement: p, in: target)
                guard chains.count == count else { continue }
                let damaged = Array(intact..<count)
                let mended = repair.run(chains: chains, damaged: damaged) ?? (chains, damaged)
                let key = (mended.unmended.count, mended.chains.map(\.count).max() ?? 0, mended.chains.reduce(0) { $0 + $1.count })
                if best.map({ key < $0.key }) ?? true { best = (mended.chains, key) }
            }
        }
        return best?.chains
    }
}
