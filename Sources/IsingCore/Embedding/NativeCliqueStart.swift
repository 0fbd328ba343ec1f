extension EmbeddingSearch {
    /// For a complete source graph on a Chimera target: the native clique layout
    /// (`ChimeraCliqueLayout`) when some placement of it has every chain whole, so no
    /// chain needs re-routing; nil otherwise (not a clique, not Chimera, too large, or dead
    /// qubits break every placement). Its chains all have the same, short length, which
    /// the heuristic search does not reach on cliques.
    func intactNativeClique(source: Graph, target: Graph) -> Embedding? {
        let n = source.nodeCount
        guard n >= 2, let topology = target.topology, topology.family == .chimera else { return nil }
        let (pairs, overflow) = n.multipliedReportingOverflow(by: n - 1)
        guard !overflow, source.edgeCount == pairs / 2, n <= min(topology.m, topology.n) * topology.t else { return nil }
        guard let layout = try? ChimeraCliqueLayout(m: topology.m, n: topology.n, t: topology.t) else { return nil }
        // Broken chains would be re-routed by a search; a deadline already passed makes
        // that search give up at once, so only a layout without repairs comes back.
        var noRepair = EmbeddingSearch()
        noRepair.tries = 1
        noRepair.timeout = 1e-9
        guard let clique = try? layout.embed(clique: n, into: target, search: noRepair),
              clique.isValid else { return nil }
        // Every pair of chains touches, so chain i may serve source node i.
        return Embedding(source: source, target: target, chains: clique.chains)
    }
}
