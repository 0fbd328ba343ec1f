/// Native clique embeddings in Chimera graphs (qubit ((i n + j) 2 + u) t + k in cell
/// (i, j), side u — 0 vertical, 1 horizontal — position k).
///
/// In a square of s × s cells, the t chains of block b (0 ≤ b < s) run along row b over
/// columns 0…b on horizontal qubits and turn down column b over rows b…s−1 on vertical
/// qubits: every chain has s + 1 qubits, and chains of blocks a ≤ b meet in cell (b, a),
/// so the s·t chains form a clique. The square may sit anywhere on the chip, in any of
/// its eight orientations; with dead qubits, the placement keeping the most chains whole
/// is chosen, and the chains that are still broken are re-routed by the heuristic search.
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

    /// The labels of chain (block b, position k) under a placement.
    func chain(block b: Int, position k: Int, _ p: Placement) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(p.size + 1)
        func add(_ r0: Int, _ c0: Int, _ u0: Int) {
            var (r, c, u) = p.transpose ? (c0, r0, 1 - u0) : (r0, c0, u0)
            if p.flipRows { r = p.size - 1 - r }
            if p.flipCols { c = p.size - 1 - c }
            out.append(label(p.row + r, p.col + c, u, k))
        }
        for c in 0...b { add(b, c, 1) }
        for r in b..<p.size { add(r, b, 0) }
        return out
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
        guard count >= 1 else { throw IsingError("a clique needs at least 1 node, got \(count)") }
        let source = try GraphGenerators.complete(count)
        let largest = min(m, n) * t
        guard count <= largest else {
            throw IsingError("K\(count) is larger than the largest native clique of chimera(\(m), \(n), \(t)), K\(largest)",)
        }
        func index(_ label: Int) -> Int? { target.index(of: .int(label)) }
        let smallest = (count + t - 1) / t
        var bestPartial: (chains: [[Int]], intact: Int)?
        for s in smallest...min(m, n) {
            var bestHere: (chains: [[Int]], intact: Int)?
            for p in placements(size: s) {
                var intact: [[Int]] = []
                var broken: [(dead: Int, chain: [Int])] = []
                for b in 0..<s {
                    for k in 0..<t {
                        let labels = chain(block: b, position: k, p)
                        let alive = labels.compactMap(index)
                        if alive.count == labels.count { intact.append(alive) } else { broken.append((labels.count - alive.count, alive)) }
                    }
                }
                if intact.count >= count {
                    let e = Embedding(source: source, target: target, chains: Array(intact.prefix(count)))
                    if e.isValid { return e }
                    continue
                }
                if bestHere == nil || intact.count > bestHere?.intact ?? 0 {
                    broken.sort { $0.dead < $1.dead }
                    let filled = intact + broken.prefix(count - intact.count).map(\.chain)
                    bestHere = (filled, intact.count)
                }
            }
            if bestPartial == nil, let b = bestHere { bestPartial = b }
        }
        guard let partial = bestPartial else {
            throw IsingError("no placement of the native clique layout fits chimera(\(m), \(n), \(t))")
        }
        // Repair: keep the intact chains, let the search re-route the broken ones.
        var repair = search
        repair.initialChains = partial.chains
        do {
            return try repair.run(source: source, target: target)
        } catch let e as IsingError {
            throw IsingError("no placement of the native K\(count) layout avoids the dead qubits (at best \(partial.intact) of \(count) chains intact), and re-routing the broken chains failed: \(e.message)")
        }
    }
}
