/// The working state of one try of the heuristic embedding search: chains of every
/// source node (which may share target nodes while the search runs), how many chains use
/// each target node, and scratch buffers for the weighted shortest-path searches that
/// re-route a chain. Everything is held in flat arrays sized once per try.
struct ChainRouter {
    let sourceStart: [Int]
    let sourceNeighbors: [Int32]
    let targetStart: [Int]
    let targetNeighbors: [Int32]
    let sourceCount: Int
    let targetCount: Int

    /// The chain of each source node (target node indices); empty when not placed.
    var chains: [[Int32]]
    /// How many chains use each target node.
    private(set) var usage: [Int32]
    /// Target nodes used by more than one chain.
    private(set) var sharedNodeCount = 0
    /// How many rounds each target node has been shared at the end of (congestion history:
    /// it makes nodes that stay contested dearer, so chains stop settling on them).
    var history: [Double]
    var rng: Xoshiro256

    // Scratch for one re-route.
    var weight: [Double]
    /// Distances from each embedded neighbour's chain, one block of `targetCount` per neighbour.
    var distance: [Double]
    private var total: [Double]
    /// Shortest-path parents, one block of `targetCount` per embedded neighbour:
    /// -1 marks the neighbour's own chain (a source of the search), -2 an unreached node.
    var parent: [Int32]
    private var inChain: [UInt32]
    /// How many of the new chain's paths pass through each node (zero between re-routes).
    private var pathUse: [Int32]
    private var stamp: UInt32 = 0
    /// One priority queue and one breadth-first queue (`targetCount` slots) per worker.
    var heaps: [NodeHeap]
    var queue: [Int32]
    /// How many threads the shortest-path searches of one re-route are spread over.
    let workers: Int
    /// Scratch maps for trimming: target node to position in a chain, source node to
    /// position among a node's neighbours.
    let chainIndex: DenseIndex
    let neighbourIndex: DenseIndex
    private var powers: [Double] = []

    /// A router for embedding `source` into `target`; the searches of each re-route are
    /// spread over `workers` threads (the result does not depend on it).
    init(source: Graph, target: Graph, seed: UInt64, workers: Int = 1) {
        let s = source.adjacency, t = target.adjacency
        sourceStart = s.rowStart; sourceNeighbors = s.neighbors
        targetStart = t.rowStart; targetNeighbors = t.neighbors
        sourceCount = source.nodeCount; targetCount = target.nodeCount
        chains = Array(repeating: [], count: sourceCount)
        usage = Array(repeating: 0, count: targetCount)
        history = Array(repeating: 0, count: targetCount)
        rng = Xoshiro256(seed: seed)
        weight = Array(repeating: 1, count: targetCount)
        total = Array(repeating: 0, count: targetCount)
        var maxDegree = 0
        for v in 0..<sourceCount { maxDegree = max(maxDegree, s.rowStart[v + 1] - s.rowStart[v]) }
        parent = Array(repeating: -2, count: max(1, maxDegree) * targetCount)
        distance = Array(repeating: 0, count: max(1, maxDegree) * targetCount)
        inChain = Array(repeating: 0, count: targetCount)
        pathUse = Array(repeating: 0, count: targetCount)
        self.workers = max(1, min(workers, max(1, maxDegree)))
        heaps = (0..<self.workers).map { _ in NodeHeap(capacity: t.rowStart.count - 1) }
        queue = Array(repeating: 0, count: self.workers * max(1, targetCount))
        chainIndex = DenseIndex(count: targetCount)
        neighbourIndex = DenseIndex(count: sourceCount)
    }

    // MARK: - Bookkeeping

    mutating func setChain(_ v: Int, _ chain: [Int32]) {
        for q in chains[v] { release(q) }
        chains[v] = chain
        for q in chain { occupy(q) }
    }

    /// One more chain uses target node q.
    @inline(__always)
    private mutating func occupy(_ q: Int32) {
        usage[Int(q)] += 1
        if usage[Int(q)] == 2 { sharedNodeCount += 1 }
    }

    /// One chain fewer uses target node q.
    @inline(__always)
    private mutating func release(_ q: Int32) {
        if usage[Int(q)] == 2 { sharedNodeCount -= 1 }
        usage[Int(q)] -= 1
    }

    /// Source nodes whose chains share a target node with another chain.
    func nodesOnSharedQubits() -> [Int] {
        (0..<sourceCount).filter { v in chains[v].contains { usage[Int($0)] > 1 } }
    }

    var qubitCount: Int { chains.reduce(0) { $0 + $1.count } }
    var maxChain: Int { chains.map(\.count).max() ?? 0 }

    /// The source nodes in a random order that grows outward from a random start
    /// (breadth first), so each node is placed next to chains already placed.
    mutating func randomBreadthFirstOrder() -> [Int] {
        var seen = [Bool](repeating: false, count: sourceCount)
        var order: [Int] = []
        order.reserveCapacity(sourceCount)
        var starts = Array(0..<sourceCount)
        shuffle(&starts)
        for s in starts where !seen[s] {
            seen[s] = true
            order.append(s)
            var head = order.count - 1
            while head < order.count {
                let v = order[head]; head += 1
                var next: [Int] = []
                for k in sourceStart[v]..<sourceStart[v + 1] {
                    let u = Int(sourceNeighbors[k])
                    if !seen[u] { seen[u] = true; next.append(u) }
                }
                shuffle(&next)
                order.append(contentsOf: next)
            }
        }
        return order
    }

    mutating func shuffle<T>(_ a: inout [T]) {
        var i = a.count - 1
        while i > 0 {
            a.swapAt(i, rng.nextInt(below: i + 1))
            i -= 1
        }
    }

    // MARK: - Re-routing one chain

    /// Node weights: `base^usage` while chains may share nodes; with `exclusive`, nodes
    /// used by another chain cannot be entered at all.
    private mutating func computeWeights(base: Double, exclusive: Bool) {
        if exclusive {
            for q in 0..<targetCount { weight[q] = usage[q] > 0 ? .infinity : 1 }
            return
        }
        if powers.count < 2 || powers[1] != base {
            powers = [1]
            var p = 1.0
            for _ in 0..<64 { p *= base; powers.append(p) }
        }
        // Whole weights, capped so that no path's length reaches 2^53: distances stay
        // exact whole numbers, as the radix queue needs.
        let cap = (9_007_199_254_740_992 / Double(targetCount + 1)).rounded(.down)
        for q in 0..<targetCount {
            weight[q] = min(cap, max(1, ((1 + history[q]) * powers[min(Int(usage[q]), 64)]).rounded()))
        }
    }

    /// Adds one round's congestion to the history of every shared node.
    mutating func recordCongestion(_ amount: Double) {
        for q in 0..<targetCount where usage[q] > 1 { history[q] += amount }
    }

    /// Tears out the chain of `v` and builds a new one: a root node chosen to minimise
    /// the summed weighted distance to every placed neighbour's chain, joined to each of
    /// them by its shortest path, with leaves that touch nothing new pruned away. Routing
    /// without sharing, `rootCandidates` roots whose summed distance is within `rootSlack`
    /// of the least are each built into a chain and the smallest is kept. With
    /// `overlapCost`, nodes of other chains may be crossed at that cost (free nodes cost
    /// 1) and the chain is built as without sharing. Returns false (leaving the old chain)
    /// when some neighbour cannot be reached.
    @discardableResult
    mutating func reroute(_ v: Int, base: Double, exclusive: Bool, acceptLonger: Bool = true,
                          rootCandidates: Int = 1, rootSlack: Double = 0, overlapCost: Double? = nil) -> Bool {
        let old = chains[v]
        for q in old { release(q) }
        chains[v] = []
        if let cost = overlapCost {
            for q in 0..<targetCount { weight[q] = usage[q] > 0 ? cost : 1 }
        } else {
            computeWeights(base: base, exclusive: exclusive)
        }
        // With an overlap cost, paths may cross other chains, but the chain is built as
        // when routing without sharing.
        let steiner = exclusive || overlapCost != nil
        var placed: [Int] = []
        for k in sourceStart[v]..<sourceStart[v + 1] {
            let u = Int(sourceNeighbors[k])
            if !chains[u].isEmpty { placed.append(u) }
        }
        let n = targetCount
        guard !placed.isEmpty else {
            // Nothing to connect to: the cheapest node, ties broken from a random start.
            var best = -1
            var bestWeight = Double.infinity
            let start = n > 0 ? rng.nextInt(below: n) : 0
            for i in 0..<n {
                let q = (start + i) % n
                if weight[q] < bestWeight { bestWeight = weight[q]; best = q }
            }
            if best < 0 { restore(v, old); return false }
            setChain(v, [Int32(best)])
            return true
        }
        stamp &+= 1
        if stamp == 0 { for i in 0..<n { inChain[i] = 0 }; stamp = 1 }
        for i in 0..<n { total[i] = 0 }
        searchFromChains(placed, unitWeights: exclusive)
        for k in placed.indices {
            // The root may not lie inside a neighbour's chain.
            let offset = k * n
            for i in 0..<n { total[i] += parent[offset + i] == -1 ? .infinity : distance[offset + i] }
        }
        // The root's own weight is counted once, not once per neighbour.
        let extra = Double(placed.count - 1)
        var root = -1
        var bestCost = Double.infinity
        let start = rng.nextInt(below: n)
        for i in 0..<n {
            let q = (start + i) % n
            guard weight[q].isFinite else { continue }
            let c = total[q] - extra * weight[q]
            if c < bestCost { bestCost = c; root = q }
        }
        guard root >= 0, bestCost.isFinite else { restore(v, old); return false }
        if !steiner {
            // While chains may share nodes, each path's private end (the nodes no other
            // path uses) is handed to the neighbour it reaches: chains grow towards each
            // other, so every chain keeps room to be touched.
            var paths: [[Int32]] = []
            let order = steinerOrder(placed.count, root: root)
            for k in order {
                let offset = k * n
                var path: [Int32] = []
                var q = root
                while parent[offset + q] >= 0 {
                    let p = Int(parent[offset + q])
                    if parent[offset + p] == -1 { break }
                    path.append(Int32(p))
                    pathUse[p] += 1
                    q = p
                }
                paths.append(path)
            }
            var chain: [Int32] = [Int32(root)]
            inChain[root] = stamp
            for (j, path) in paths.enumerated() {
                let k = order[j]
                var cut = path.count
                while cut > 0 && pathUse[Int(path[cut - 1])] == 1 && Int(path[cut - 1]) != root { cut -= 1 }
                for p in path[..<cut] where inChain[Int(p)] != stamp { inChain[Int(p)] = stamp; chain.append(p) }
                if cut < path.count {
                    let u = placed[k]
                    for p in path[cut...] { occupy(p); chains[u].append(p) }
                }
            }
            for path in paths { for p in path { pathUse[Int(p)] = 0 } }
            setChain(v, chain)
            return true
        }
        var chain = steinerChain(root: root, placedCount: placed.count)
        if rootCandidates > 1 {
            // Several roots of nearly least summed distance: keep the one whose chain,
            // once built and pruned, is smallest.
            for q in cheapestRoots(extra: extra, bound: bestCost + rootSlack, limit: rootCandidates, start: start) where q != root {
                let other = steinerChain(root: q, placedCount: placed.count)
                if other.count < chain.count { chain = other }
            }
        }
        if !acceptLonger && chain.count > old.count && !old.isEmpty { restore(v, old); return false }
        setChain(v, chain)
        return true
    }

    /// The chain grown from `root` by joining each placed neighbour along its shortest path
    /// (Steiner style, nearest neighbour first), with unneeded leaves pruned.
    private mutating func steinerChain(root: Int, placedCount m: Int) -> [Int32] {
        let n = targetCount
        stamp &+= 1
        if stamp == 0 { for i in 0..<n { inChain[i] = 0 }; stamp = 1 }
        var chain: [Int32] = [Int32(root)]
        inChain[root] = stamp
        for k in steinerOrder(m, root: root) {
            let offset = k * n
            var q = closest(in: chain, offset: offset)
            while parent[offset + q] >= 0 {
                let p = Int(parent[offset + q])
                if parent[offset + p] == -1 { break }
                if inChain[p] != stamp { inChain[p] = stamp; chain.append(Int32(p)) }
                q = p
            }
        }
        prune(&chain, placedCount: m)
        return chain
    }

    /// Up to `limit` usable nodes whose summed distance (root counted once) is at most
    /// `bound`, scanning from `start`.
    private func cheapestRoots(extra: Double, bound: Double, limit: Int, start: Int) -> [Int] {
        let n = targetCount
        var out: [Int] = []
        for i in 0..<n where out.count < limit {
            let q = (start + i) % n
            guard weight[q].isFinite else { continue }
            if total[q] - extra * weight[q] <= bound { out.append(q) }
        }
        return out
    }

    /// The order neighbours are joined in: nearest to the root first.
    private func steinerOrder(_ m: Int, root: Int) -> [Int] {
        let n = targetCount
        return (0..<m).sorted { distance[$0 * n + root] < distance[$1 * n + root] }
    }

    /// The node of a growing chain nearest to the neighbour whose search is at `offset`:
    /// its path starts there (a Steiner-tree construction), not always at the root.
    private func closest(in chain: [Int32], offset: Int) -> Int {
        var best = Int(chain[0])
        var d = distance[offset + best]
        for q in chain.dropFirst() where distance[offset + Int(q)] < d && parent[offset + Int(q)] >= -1 {
            d = distance[offset + Int(q)]; best = Int(q)
        }
        return best
    }

    private mutating func restore(_ v: Int, _ old: [Int32]) {
        chains[v] = old
        for q in old { occupy(q) }
    }

    /// Removes, one at a time, leaves of the chain whose every contact with a neighbour's
    /// chain is also made by another node of the chain. A node touches neighbour k when
    /// it is adjacent to that neighbour's chain. The root is `chain[0]`.
    private mutating func prune(_ chain: inout [Int32], placedCount m: Int) {
        guard chain.count > 1 else { return }
        let n = targetCount
        var contacts = [Int](repeating: 0, count: m)
        var touches: [[Int]] = []
        touches.reserveCapacity(chain.count)
        let root = chain[0]
        for q32 in chain {
            let q = Int(q32)
            var ks: [Int] = []
            for k in 0..<m {
                let offset = k * n
                // Sharing a node is not touching, except for a root placed inside a
                // neighbour's chain (the search chose that overlap knowingly).
                var touching = q32 == root && parent[offset + q] == -1
                if !touching {
                    for e in targetStart[q]..<targetStart[q + 1] where parent[offset + Int(targetNeighbors[e])] == -1 {
                        touching = true; break
                    }
                }
                if touching { ks.append(k); contacts[k] += 1 }
            }
            touches.append(ks)
        }
        // Degree of each chain node within the chain.
        let position = chainIndex
        let original = chain
        position.set(original)
        defer { position.reset(original) }
        var degree = [Int](repeating: 0, count: chain.count)
        for (i, q32) in chain.enumerated() {
            let q = Int(q32)
            for e in targetStart[q]..<targetStart[q + 1] where position[targetNeighbors[e]] != nil { degree[i] += 1 }
        }
        let (removed, remaining) = peelLeaves(chain, order: Array(chain.indices), position: position,
                                              degree: &degree, touches: touches, contacts: &contacts)
        if remaining < chain.count {
            chain = chain.indices.filter { !removed[$0] }.map { chain[$0] }
        }
    }
}

extension ChainRouter {
    /// Removes chain nodes that are leaves within the chain (degree ≤ 1) and whose removal
    /// leaves every neighbouring chain they touch still touched by another node, trying
    /// nodes in `order` and repeating until nothing more goes; at least one node stays.
    /// `degree` and `contacts` are updated as nodes go. Returns which nodes went and how
    /// many remain.
    func peelLeaves(_ chain: [Int32], order: [Int], position: DenseIndex, degree: inout [Int],
                    touches: [[Int]], contacts: inout [Int]) -> (removed: [Bool], remaining: Int) {
        var removed = [Bool](repeating: false, count: chain.count)
        var remaining = chain.count
        var changed = true
        while changed && remaining > 1 {
            changed = false
            for i in order where !removed[i] && degree[i] <= 1 && remaining > 1 {
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
        return (removed, remaining)
    }
}
