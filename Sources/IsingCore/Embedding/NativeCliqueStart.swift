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
        guard let layout = try? ChimeraCliqueLayout(m: topology.m, n: topology.n, t: topology.t),
              let clique = try? layout.place(clique: n, into: target).whole else { return nil }
        // Every pair of chains touches, so chain i may serve source node i.
        return Embedding(source: source, target: target, chains: clique.chains)
    }
}
