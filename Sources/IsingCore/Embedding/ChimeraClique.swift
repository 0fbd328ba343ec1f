/// Native clique embeddings in Chimera graphs (qubit ((i n + j) 2 + u) t + k in cell
/// (i, j), side u — 0 vertical, 1 horizontal — position k).
///
/// In a square of s × s cells, the t chains of block b (0 ≤ b < s) run along row b over
/// columns 0…b on horizontal qubits and turn down column b over rows b…s−1 on vertical
/// qubits: every chain has s + 1 qubits, and chains of blocks a ≤ b meet in cell (b, a),
/// so the s·t chains form a clique. A block's horizontal and vertical lines all meet in
/// its corner cell (b, b), so any whole horizontal line may pair with any whole vertical
/// one. The square may sit anywhere on the chip, in any of its eight orientations; with
/// dead qubits, the broken chains are re-routed by the heuristic search from two starts
/// (the placement keeping the most chains whole, and the one whose broken chains short
/// detours mend best), and the better embedding is kept.
public struct ChimeraCliqueLayout: Sendable {
    public let m: Int
    public let n: Int
    public let t: Int

    public init(m: Int, n: Int, t: Int) throws {
        guard m >= 1, n >= 1, t >= 1 else { throw IsingError("a Chimera lattice needs m, n, t ≥ 1, got \(m), \(n), \(t)") }
        self.m = m; self.n = n; self.t = t
    }

    /// The linear label of a qubit.
    func label(_ i: Int, _ j: Int, _ u: Int, _ k: Int) -> Int { ((i * n + j) * 2 + u) * t + k }

    /// A placement of the s × s triangle layout: offset, and symmetry (transpose, flips).
    struct Placement {
        var size: Int
        var row: Int
        var col: Int
        var transpose: Bool
        var flipRows: Bool
        var flipCols: Bool
    }

    /// The labels of the horizontal line of block b (row b, columns 0…b, position k) under a placement.
    func horizontalLine(block b: Int, position k: Int, _ p: Placement) -> [Int] {
        (0...b).map { place(b, $0, 1, k, p) }
    }

    /// The labels of the vertical line of block b (column b, rows b…s−1, position k) under a placement.
    func verticalLine(block b: Int, position k: Int, _ p: Placement) -> [Int] {
        (b..<p.size).map { place($0, b, 0, k, p) }
    }

    /// The label of local cell (r, c), side u, position k under a placement.
    private func place(_ r0: Int, _ c0: Int, _ u0: Int, _ k: Int, _ p: Placement) -> Int {
        var (r, c, u) = p.transpose ? (c0, r0, 1 - u0) : (r0, c0, u0)
        if p.flipRows { r = p.size - 1 - r }
        if p.flipCols { c = p.size - 1 - c }
        return label(p.row + r, p.col + c, u, k)
    }

    /// Every placement of an s × s square, in a fixed order.
    func placements(size s: Int) -> [Placement] {
        var out: [Placement] = []
        guard s <= m || s <= n else { return out }
        for transpose in [false, true] {
            for flipRows in [false, true] {
                for flipCols in [false, true] {
                    for row in stride(from: 0, through: m - s, by: 1) {
                        for col in stride(from: 0, through: n - s, by: 1) {
                            out.append(Placement(size: s, row: row, col: col, transpose: transpose, flipRows: flipRows, flipCols: flipCols))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Chains for K_count in `target` (a Chimera graph of this shape, possibly without some
    /// qubits or couplers), searching with `search` to repair broken chains. Returns the
    /// embedding; throws with the reason when even re-routing fails.
    public func embed(clique count: Int, into target: Graph, search: EmbeddingSearch) throws -> Embedding {
        let found = try place(clique: count, into: target)
        if let whole = found.whole { return whole }
        guard let partial = found.partial else {
            throw IsingError("no placement of the native clique layout fits chimera(\(m), \(n), \(t))")
        }
        // Repair from two starts and keep the better embedding (shorter longest chain, then
        // fewer qubits): the placement with most whole chains, its broken ones as pieces; and
        // the placement whose broken chains detours through unused qubits mend best. Neither
        // wins everywhere. From each start, two tries run side by side and the better is kept.
        let source = try GraphGenerators.complete(count)
        var starts = [partial.chains]
        if let mended = mendedChains(clique: count, into: target), mended != partial.chains { starts.append(mended) }
        var best: Embedding?
        var failure = ""
        for start in starts {
            var repair = search
            repair.initialChains = start
            repair.triesAtOnce = max(2, search.triesAtOnce)
            do {
                let e = try repair.run(source: source, target: target)
                if best.map({ (e.maxChainLength, e.qubitCount) < ($0.maxChainLength, $0.qubitCount) }) ?? true { best = e }
            } catch let e as IsingError {
                failure = e.message
            }
        }
        if let best { return best }
        throw IsingError("no placement of the native K\(count) layout avoids the dead qubits (at best \(partial.intact) of \(count) chains intact), and re-routing the broken chains failed: \(failure)")
    }

    /// The placement search behind `embed`, without repairs: the first placement (smallest
    /// square first) whose chains are all whole, or else the placement keeping the most
    /// chains whole in the smallest square that fits, with its broken chains filled in.
    public func place(clique count: Int, into target: Graph) throws
        -> (whole: Embedding?, partial: (chains: [[Int]], intact: Int)?) {
        guard count >= 1 else { throw IsingError("a clique needs at least 1 node, got \(count)") }
        let source = try GraphGenerators.complete(count)
        let largest = min(m, n) * t
        guard count <= largest else {
            throw IsingError("K\(count) is larger than the largest native clique of chimera(\(m), \(n), \(t)), K\(largest)",)
        }
        let smallest = (count + t - 1) / t
        var bestPartial: (chains: [[Int]], intact: Int)?
        for s in smallest...min(m, n) {
            var bestHere: (chains: [[Int]], intact: Int)?
            for p in placements(size: s) {
                let found = chains(clique: count, placement: p, in: target)
                if found.intact >= count {
                    let e = Embedding(source: source, target: target, chains: found.chains)
                    if e.isValid { return (e, nil) }
                    continue
                }
                if found.intact > bestHere?.intact ?? -1 { bestHere = found }
            }
            if bestPartial == nil, let b = bestHere { bestPartial = b }
        }
        return (nil, bestPartial)
    }

    /// The chains of K_count under one placement: whole chains first (a whole horizontal
    /// line of a block paired with a whole vertical one), then the broken ones with the
    /// fewest dead qubits, each as the qubits of `target` it still has. Returns the chains
    /// (fewer than `count` when the square holds fewer) and how many of them are whole.
    func chains(clique count: Int, placement p: Placement, in target: Graph) -> (chains: [[Int]], intact: Int) {
        var whole: [[Int]] = []
        var broken: [(dead: Int, chain: [Int])] = []
        for b in 0..<p.size {
            var full: [[[Int]]] = [[], []]
            var cut: [[(dead: Int, alive: [Int])]] = [[], []]
            for k in 0..<t {
                for (side, labels) in [horizontalLine(block: b, position: k, p), verticalLine(block: b, position: k, p)].enumerated() {
                    let alive = labels.compactMap { target.index(of: .int($0)) }
                    if alive.count == labels.count { full[side].append(alive) } else { cut[side].append((labels.count - alive.count, alive)) }
                }
            }
            let paired = min(full[0].count, full[1].count)
            for i in 0..<paired { whole.append(full[0][i] + full[1][i]) }
            let restH = full[0].dropFirst(paired).map { (dead: 0, alive: $0) } + cut[0].sorted { $0.dead < $1.dead }
            let restV = full[1].dropFirst(paired).map { (dead: 0, alive: $0) } + cut[1].sorted { $0.dead < $1.dead }
            for (h, v) in zip(restH, restV) { broken.append((h.dead + v.dead, h.alive + v.alive)) }
        }
        broken.sort { $0.dead < $1.dead }
        let intact = min(whole.count, count)
        let chains = Array(whole.prefix(count)) + broken.prefix(max(0, count - whole.count)).map(\.chain)
        return (chains, intact)
    }
}
