/// Native clique embeddings in Pegasus and Zephyr graphs: chains of (nearly) equal length
/// made of one horizontal and one vertical run of qubits each, laid out by
/// `CliqueStaircase` on the lattice's lines (`CliqueLines`).
///
/// For K_n the bound L on the qubits per chain grows from the smallest possible until a
/// staircase gives n whole chains; widths are tried from the narrowest that could hold n
/// chains. On a damaged chip the search goes on for a chain length or two past the length
/// the perfect lattice needs, looking for a staircase whose chains avoid every dead qubit;
/// failing that, the staircase of the native length with the most whole chains is taken
/// and its damaged chains are re-routed by the heuristic search.
public struct LineCliqueLayout: Sendable {
    public let topology: HardwareTopology

    /// How many chain lengths past the native one a layout without dead qubits is looked for.
    public static let extraLength = 2
    /// How many widths per chain length are tried on a damaged chip.
    public static let widthsPerLength = 3

    public init(_ topology: HardwareTopology) throws {
        guard topology.family == .pegasus || topology.family == .zephyr else {
            throw IsingError("line clique layouts are for pegasus and zephyr lattices, got \(topology)")
        }
        self.topology = topology
    }

    /// The largest clique the layouts give on the perfect lattice: K_{12(m−1)} in
    /// pegasus(m), K_{2t(2m−1)} in zephyr(m, t).
    public var largest: Int {
        switch topology.family {
        case .pegasus: return 12 * (topology.m - 1)
        case .zephyr: return 2 * topology.t * (2 * topology.m - 1)
        case .chimera: return min(topology.m, topology.n) * topology.t
        }
    }

    /// The lattice's lines with the qubits of `target` (every qubit present without one).
    func lines(in target: Graph?) -> CliqueLines {
        switch topology.family {
        case .pegasus: return CliqueLines.pegasus(topology.m, target: target)
        default: return CliqueLines.zephyr(topology.m, t: topology.t, target: target)
        }
    }

    /// A chain length and layout width for which the perfect lattice holds the clique.
    struct Shape: Equatable {
        var length: Int
        var width: Int
    }

    /// The shapes (chain length, width) under which the perfect lattice holds K_count,
    /// for the shortest chain length that allows any and for `extra` lengths after it;
    /// at most `perLength` widths per length, narrowest first. With `stopAtFirst`, only
    /// the first. Each layout is found in a window of the grid that the lattice's period
    /// allows, so this is fast.
    func shapes(clique count: Int, lines: CliqueLines, extra: Int, perLength: Int,
                stopAtFirst: Bool = false) -> [(shape: Shape, layout: CliqueStaircase.Layout)] {
        let staircase = CliqueStaircase(lines: lines)
        let span = lines.longestSpan, bundle = max(1, lines.bundle)
        let widest = min(lines.rows, lines.cols)
        let narrowest = (count + bundle - 1) / bundle
        var found: [(shape: Shape, layout: CliqueStaircase.Layout)] = []
        var native: Int?
        for length in 2...(2 * (widest / span + 2)) {
            if let n = native, length > n + extra { break }
            let wide = min(widest, span * length - 1)
            guard narrowest <= wide else { continue }
            var here = 0
            for width in narrowest...wide where here < perLength {
                // Step i's chain has at least ceil((i + 1) / span) + ceil((W − i) / span) qubits.
                let fitting = (0..<width).filter { i in (i + span) / span + (width - i + span - 1) / span <= length }.count
                guard fitting * bundle >= count,
                      let layout = staircase.best(width: width, maxLength: length, damaged: false, window: lines.window(width: width)),
                      layout.whole >= count else { continue }
                found.append((Shape(length: length, width: width), layout))
                if stopAtFirst { return found }
                native = native ?? length
                here += 1
            }
        }
        return found
    }

    /// Chains for K_count in `target` (this lattice, possibly without some qubits or
    /// couplers); `search` re-routes damaged chains when no layout avoids the dead qubits.
    public func embed(clique count: Int, into target: Graph, search: EmbeddingSearch) throws -> Embedding {
        guard count >= 1 else { throw IsingError("a clique needs at least 1 node, got \(count)") }
        guard count <= largest else {
            throw IsingError("K\(count) is larger than the largest native clique of \(topology), K\(largest)")
        }
        let source = try GraphGenerators.complete(count)
        if count == 1 {
            guard target.nodeCount > 0 else { throw IsingError("the target has no qubits") }
            return Embedding(source: source, target: target, chains: [[0]])
        }
        let lines = lines(in: target)
        let staircase = CliqueStaircase(lines: lines)
        if !lines.isDamaged, let first = shapes(clique: count, lines: lines, extra: 0, perLength: 1, stopAtFirst: true).first {
            let chains = staircase.chains(of: first.layout, maxLength: first.shape.length, damaged: false).whole
            let e = Embedding(source: source, target: target, chains: LineCliqueLayout.shortest(count, of: chains))
            if e.isValid { return e }
        }
        // Dead qubits: look for a layout that avoids them among the shapes the perfect
        // lattice allows, natively long or a little longer; else repair the best one.
        let candidates = shapes(clique: count, lines: self.lines(in: nil), extra: LineCliqueLayout.extraLength,
                                perLength: LineCliqueLayout.widthsPerLength)
        guard let native = candidates.first?.shape.length else {
            throw IsingError("no native layout of K\(count) fits \(topology)")
        }
        var fallback: (layout: CliqueStaircase.Layout, length: Int)?
        for (shape, _) in candidates {
            guard let layout = staircase.best(width: shape.width, maxLength: shape.length, damaged: true) else { continue }
            if layout.whole >= count {
                let chains = staircase.chains(of: layout, maxLength: shape.length, damaged: false).whole
                let e = Embedding(source: source, target: target, chains: LineCliqueLayout.shortest(count, of: chains))
                if e.isValid { return e }
            }
            guard shape.length == native, layout.whole + layout.damaged >= count else { continue }
            if fallback.map({ layout.whole > $0.layout.whole }) ?? true { fallback = (layout, shape.length) }
        }
        guard let (layout, length) = fallback else {
            throw IsingError("no native layout of K\(count) fits \(target.name)")
        }
        let found = staircase.chains(of: layout, maxLength: length, damaged: true)
        let whole = found.whole.prefix(count)
        let rest = found.damaged.sorted { $0.dead < $1.dead }.prefix(count - whole.count)
        var repair = search
        repair.initialChains = (whole + rest).map(\.nodes)
        do {
            return try repair.run(source: source, target: target)
        } catch let e as IsingError {
            throw IsingError("no native layout of K\(count) avoids the dead qubits (at best \(layout.whole) of \(count) chains whole), and re-routing the damaged chains failed: \(e.message)")
        }
    }

    /// The `count` shortest chains, in layout order.
    static func shortest(_ count: Int, of chains: [CliqueStaircase.Chain]) -> [[Int]] {
        let keep = Set(chains.indices.sorted { (chains[$0].length, $0) < (chains[$1].length, $1) }.prefix(count))
        return chains.indices.filter { keep.contains($0) }.map { chains[$0].nodes }
    }
}
