import Foundation

/// The heuristic minor-embedding search in the family of Cai, Macready and Roy (2014):
/// chains are placed one after another, then repeatedly torn out and re-routed along
/// weighted shortest paths, a target node's weight growing exponentially with the number
/// of chains already on it, until no node is shared; then chains are re-routed again
/// without sharing to make them shorter. Tries with different seeds run one after another
/// (or in groups of `triesAtOnce`, side by side) until one yields an embedding; of a group
/// the best is kept: shortest longest chain, then fewest qubits. Each try spreads its
/// shortest-path searches over the threads. A complete source on a Chimera target starts
/// from the native clique layout (see `nativeCliques`).
public struct EmbeddingSearch: Sendable {
    /// How many independent tries to run at most (stopping after the first group of
    /// `triesAtOnce` in which one succeeds).
    public var tries: Int = 10
    /// Seconds after which no new round starts; the best embedding found so far is returned.
    public var timeout: Double = 60
    /// The seed of the first try; try k uses a seed derived from it and k.
    public var seed: UInt64 = 0
    /// Rounds without progress after which a phase stops (sharing, then chain length).
    public var chainPatience: Int = 10
    /// Threads the tries and their searches are spread over; the result does not depend on it.
    public var threads: Int = 1
    /// How many tries form a group: the search stops after the first group in which a try
    /// succeeds and keeps the group's best embedding. Tries of a group run side by side,
    /// sharing the threads; one at a time, each try spreads its searches over all of them.
    public var triesAtOnce: Int = 1
    /// Chains to start from (target node indices per source node), e.g. a clique layout
    /// with dead qubits removed; only chains that are broken or shared are re-routed.
    public var initialChains: [[Int]]?
    /// With initial chains: re-route only broken or shared chains (true), or every chain
    /// each round, starting from the initial ones (false).
    public var keepIntactChains = true
    /// For a complete source graph on a Chimera target (a graph with a Chimera topology):
    /// return the native clique layout when some placement of it has every chain whole,
    /// without searching (its chains are all of the same, short length); otherwise start
    /// every try from the placement whose broken chains are best mended by detours through
    /// unused qubits, re-routing only the chains still broken before shortening them all.
    public var nativeCliques = true
    /// Told how many tries are done out of how many.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init() {}

    /// The outcome of one try.
    struct TryResult: Sendable {
        var chains: [[Int32]]?
        var shared: Int
        var rounds: Int
    }

    /// Finds an embedding of `source` into `target`, or throws with the reason none was found.
    public func run(source: Graph, target: Graph) throws -> Embedding {
        guard tries >= 1 else { throw IsingError("tries must be at least 1, got \(tries)") }
        guard timeout > 0 else { throw IsingError("timeout must be positive, got \(timeout)") }
        guard chainPatience >= 1 else { throw IsingError("chain_patience must be at least 1, got \(chainPatience)") }
        if source.nodeCount == 0 { return Embedding(source: source, target: target, chains: []) }
        guard source.nodeCount <= target.nodeCount else {
            throw IsingError("the source graph has \(source.nodeCount) nodes but the target only \(target.nodeCount)")
        }
        let maxDegree = (0..<source.nodeCount).map { source.degree($0) }.max() ?? 0
        let (work, overflow) = maxDegree.multipliedReportingOverflow(by: target.nodeCount)
        guard !overflow, work <= 25_000_000 else {
            throw IsingError("the search would keep \(maxDegree) shortest-path trees over \(target.nodeCount) target nodes (at most 25000000 entries); " +
                             "embed a sparser source or a smaller target")
        }
        if let initial = initialChains {
            guard initial.count == source.nodeCount else {
                throw IsingError("initial chains give \(initial.count) chains for \(source.nodeCount) source nodes")
            }
            for chain in initial { for q in chain where q < 0 || q >= target.nodeCount {
                throw IsingError("initial chains use target node index \(q), outside 0..<\(target.nodeCount)")
            } }
        }
        var configured = self
        if nativeCliques && initialChains == nil, let native = nativeCliqueStart(source: source, target: target) {
            switch native {
            case .whole(let embedding):
                try embedding.verify()
                progress?(tries, tries)
                return embedding
            case .mended(let chains):
                // Every try starts from the mended layout; chains still broken are re-routed.
                configured.initialChains = chains
                configured.keepIntactChains = true
            }
        }
        let deadline = monotonicSeconds() + timeout
        let results = TryResults(count: tries)
        let counter = ProgressCounter()
        let options = configured
        // Tries run in fixed groups; the search stops after the first group in which a try
        // succeeds. Groups do not depend on the thread count, so neither does the result.
        var first = 0
        while first < tries {
            let group = min(max(1, triesAtOnce), tries - first)
            let workers = max(1, min(threads, group))
            let start = first
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var k = start + w
                while k < start + group {
                    if Cancellation.isRequested { return }
                    let result = options.oneTry(source: source, target: target, seed: options.seed(forTry: k), deadline: deadline)
                    results.set(k, result)
                    let done = counter.increment()
                    options.progress?(done, options.tries)
                    k += workers
                }
            }
            first += group
            if Cancellation.isRequested { throw CancelledError() }
            if results.all.contains(where: { $0?.chains != nil }) || monotonicSeconds() > deadline { break }
        }
        let attempted = first
        var best: [[Int32]]?
        var fewestShared = Int.max
        var rounds = 0
        for r in results.all {
            guard let r else { continue }
            rounds = max(rounds, r.rounds)
            fewestShared = min(fewestShared, r.shared)
            guard let c = r.chains else { continue }
            if let b = best {
                let (q, m) = (c.reduce(0) { $0 + $1.count }, c.map(\.count).max() ?? 0)
                let (bq, bm) = (b.reduce(0) { $0 + $1.count }, b.map(\.count).max() ?? 0)
                if (m, q) < (bm, bq) { best = c }
            } else {
                best = c
            }
        }
        guard let chains = best else {
            let timedOut = monotonicSeconds() >= deadline
            let shared = fewestShared == Int.max ? "no try finished" :
                "\(fewestShared) target node\(fewestShared == 1 ? "" : "s") still shared by several chains after \(rounds) rounds"
            throw IsingError("no embedding found in \(attempted) tr\(attempted == 1 ? "y" : "ies")\(timedOut ? " (timed out after \(timeout) s)" : ""): \(shared); " +
                             "try more tries, a longer timeout, a larger target or fewer dead qubits")
        }
        let embedding = Embedding(source: source, target: target, chains: chains.map { $0.map(Int.init).sorted() })
        try embedding.verify()
        return embedding
    }

    /// Threads each try spreads its shortest-path searches over: the threads left to it
    /// by the tries running side by side.
    var searchWorkers: Int { max(1, threads / max(1, min(threads, triesAtOnce))) }

    /// The seed of try k.
    func seed(forTry k: Int) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(k + 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Tuning of the sharing phase (start weight, growth per round, history step,
    /// rounds without progress before giving up).
    public var schedule = SharingSchedule()

    /// How the weight of shared nodes evolves while chains may share nodes: a node used by
    /// u other chains weighs (1 + history) · base^u, the base starting at `start` and
    /// multiplied by `growth` each round (up to `cap`), the history of a node growing by
    /// `history` for each round it ends shared.
    public struct SharingSchedule: Sendable {
        public var start = 100.0
        public var growth = 1.0
        public var cap = 1e6
        public var history = 1.0
        public var patience = 30
        /// Rounds in which every chain is re-routed; later rounds re-route only the
        /// chains that are broken or share a node.
        public var fullRounds = 1_000_000
        /// Whether chains are trimmed of unneeded leaves after each round.
        public var trimWhileSharing = true
        public init() {}
        func base(_ round: Int) -> Double {
            var b = start
            for _ in 0..<min(round, 200) { b *= growth; if b >= cap { return cap } }
            return b
        }
    }

    /// One try: placement, rounds until nothing is shared, then chain shortening.
    func oneTry(source: Graph, target: Graph, seed: UInt64, deadline: Double) -> TryResult {
        var router = ChainRouter(source: source, target: target, seed: seed, workers: searchWorkers)
        let repairing = initialChains != nil && keepIntactChains
        if let initial = initialChains {
            for (v, chain) in initial.enumerated() { router.setChain(v, chain.map { Int32($0) }) }
        } else {
            for v in router.randomBreadthFirstOrder() { router.reroute(v, base: schedule.base(0), exclusive: false) }
        }
        var bestShared = Int.max
        var stale = 0
        var round = 0
        while true {
            let bad = router.invalidNodes()
            if bad.isEmpty { break }
            if monotonicSeconds() > deadline || Cancellation.isRequested {
                return TryResult(chains: nil, shared: router.sharedNodeCount, rounds: round)
            }
            let base = schedule.base(round + 1)
            let onlyBad = repairing || round >= schedule.fullRounds
            var order = onlyBad ? bad : router.randomBreadthFirstOrder()
            if onlyBad { router.shuffle(&order) }
            for v in order {
                router.reroute(v, base: base, exclusive: false)
                // Stop the round as soon as the chains form an embedding.
                if router.sharedNodeCount == 0 && router.invalidNodes().isEmpty { break }
            }
            if schedule.trimWhileSharing { router.trimAllWhileSharing() }
            router.recordCongestion(schedule.history)
            round += 1
            let shared = router.sharedNodeCount + router.invalidNodes().count
            if shared < bestShared { bestShared = shared; stale = 0 } else { stale += 1 }
            if stale >= schedule.patience { return TryResult(chains: nil, shared: router.sharedNodeCount, rounds: round) }
        }
        // Shorter chains: trim unneeded leaves, then improve chain by chain (see
        // `ChainRouter.shortenChains`), keeping the best state seen.
        var owner = router.owners()
        for v in 0..<source.nodeCount { router.trim(v, owner: &owner) }
        let shortened = router.shortenChains(owner: &owner, patience: chainPatience, deadline: deadline)
        return TryResult(chains: shortened.chains, shared: 0, rounds: round + shortened.rounds)
    }
}

/// Results of the tries, written by several threads at distinct indices.
final class TryResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [EmbeddingSearch.TryResult?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: EmbeddingSearch.TryResult) { lock.lock(); results[k] = r; lock.unlock() }
    var all: [EmbeddingSearch.TryResult?] { lock.lock(); defer { lock.unlock() }; return results }
}

extension ChainRouter {
    /// Source nodes whose chain is empty, shares a node, is disconnected, or does not
    /// touch the chain of some neighbour.
    func invalidNodes() -> [Int] {
        var bad: [Int] = []
        var owner = [Int32](repeating: -1, count: targetCount)
        for v in 0..<sourceCount { for q in chains[v] where usage[Int(q)] == 1 { owner[Int(q)] = Int32(v) } }
        for v in 0..<sourceCount {
            let chain = chains[v]
            if chain.isEmpty || chain.contains(where: { usage[Int($0)] > 1 }) { bad.append(v); continue }
            if !isConnected(chain, owner: owner, v: v) { bad.append(v); continue }
            var ok = true
            for k in sourceStart[v]..<sourceStart[v + 1] {
                let u = sourceNeighbors[k]
                var touches = false
                for q in chain {
                    for e in targetStart[Int(q)]..<targetStart[Int(q) + 1] where owner[Int(targetNeighbors[e])] == u { touches = true; break }
                    if touches { break }
                }
                if !touches { ok = false; break }
            }
            if !ok { bad.append(v) }
        }
        return bad
    }

    private func isConnected(_ chain: [Int32], owner: [Int32], v: Int) -> Bool {
        guard chain.count > 1 else { return true }
        var seen = Set<Int32>([chain[0]])
        var stack = [chain[0]]
        while let x = stack.popLast() {
            for e in targetStart[Int(x)]..<targetStart[Int(x) + 1] {
                let y = targetNeighbors[e]
                if owner[Int(y)] == Int32(v), !seen.contains(y) { seen.insert(y); stack.append(y) }
            }
        }
        return seen.count == chain.count
    }
}
