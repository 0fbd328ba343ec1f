/// A minor embedding: each node of a source (logical) graph is carried by a chain of
/// connected nodes of a target (hardware) graph, chains do not share nodes, and every
/// source edge is realised by at least one target edge between the two chains.
public struct Embedding: Sendable {
    /// The logical graph being embedded.
    public let source: Graph
    /// The hardware graph it is embedded into.
    public let target: Graph
    /// For each source node (by index), the target node indices of its chain.
    public let chains: [[Int]]

    public init(source: Graph, target: Graph, chains: [[Int]]) {
        self.source = source; self.target = target; self.chains = chains
    }

    /// How many target nodes the chains use in all.
    public var qubitCount: Int { chains.reduce(0) { $0 + $1.count } }
    /// The longest chain's length (0 for an empty embedding).
    public var maxChainLength: Int { chains.map(\.count).max() ?? 0 }
    /// The shortest chain's length (0 for an empty embedding).
    public var minChainLength: Int { chains.map(\.count).min() ?? 0 }
}
