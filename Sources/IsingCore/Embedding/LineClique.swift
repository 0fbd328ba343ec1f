/// Native clique embeddings in Pegasus and Zephyr graphs: chains of (nearly) equal length
/// made of one horizontal and one vertical run of qubits each, laid out by
/// `CliqueStaircase` on the lattice's lines (`CliqueLines`).
///
/// For K_n the bound L on the qubits per chain grows from the smallest possible until a
/// staircase gives n whole chains; widths are tried from the narrowest that could hold n
/// chains. On a damaged chip the search goes on for up to three chain lengths past the length
/// the perfect lattice needs, looking for a staircase whose chains avoid every dead qubit;
/// failing that, the staircase with the most whole chains is taken, its damaged chains
/// are mended by detours through unused qubits (`LocalChainRepair`), and if that fails
/// they are re-routed by the heuristic search.
public struct LineCliqueLayout: Sendable {
    public let topology: HardwareTopology

    /// How many chain lengths past the native one a layout without dead qubits is looked for.
    public static let extraLength = 3
    /// How many widths per chain length are tried on a damaged chip.
    public static let widthsPerLength = 8
    /// How many layouts with damaged chains are mended locally, to keep the best.
    public static let layoutsMended = 6

    public init(_ topology: HardwareTopology) throws {
        guard topology.family == .pegasus || topology.family == .zephyr else {
            throw IsingError("line clique layouts are for pegasus and zephyr lattices, got \(topology)")
        }
        self.topology = topology
    }

    /// The largest clique the layouts give on the perfect lattice: K_{12(m−1)} in
    /// pegasus(m) for m ≥ 3 (K10 in pegasus(2), whose lines are one qubit long),
    /// K_{2t(2m−1)} in zephyr(m, t).
    public var largest: Int {
        switch topology.family {
        case .pegasus: return topology.m == 2 ? 10 : 12 * (topology.m - 1)
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

    /// The widths worth trying for K_count with chains of at most `length` qubits, narrowest
    /// first: a step of width W whose rectangle has h rows has chains of at least
    /// ceil(h / span) + ceil((W + 1 − h) / span) qubits, and each step gives at most
    /// `bundle` chains.
    static func widths(clique count: Int, length: Int, lines: CliqueLines) -> [Int] {
        let span = lines.longestSpan, bundle = max(1, lines.bundle)
        let narrowest = (count + bundle - 1) / bundle
        let wide = min(lines.rows, lines.cols, span * length - 1)
        guard narrowest <= wide else { return [] }
        return (narrowest...wide).filter { width in
            let fitting = (0..<width).filter { i in (i + span) / span + (width - i + span - 1) / span <= length }.count
            return fitting * bundle >= count
        }
    }

    /// The longest chain length worth trying on these lines.
    static func longestLength(_ lines: CliqueLines) -> Int { 2 * (min(lines.rows, lines.cols) / lines.longestSpan + 2) }

    /// Chains for K_count in `target` (this lattice, possibly without some qubits or
    /// couplers); `search` re-routes damaged chains when no layout avoids the dead qubits
    /// and growing them locally does not mend them.
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
        let damaged = lines.isDamaged
        // The shortest chains first, narrowest widths first; on a perfect lattice a window of
        // the grid holds every layout up to a shift. With dead qubits, layouts avoiding them
        // are looked for up to `extraLength` past the native length, a few widths each.
        var native: Int?
        var fallbacks: [(layout: CliqueStaircase.Layout, length: Int)] = []
        for length in 2...LineCliqueLayout.longestLength(lines) {
            if let n = native, length > n + LineCliqueLayout.extraLength { break }
            var tried = 0
            for width in LineCliqueLayout.widths(clique: count, length: length, lines: lines) where tried < LineCliqueLayout.widthsPerLength {
                let window = damaged ? nil : lines.window(width: width)
                guard let layout = staircase.best(width: width, maxLength: length, damaged: damaged, window: window) else { continue }
                if layout.whole >= count {
                    let chains = staircase.chains(of: layout, maxLength: length, damaged: false).whole
                    let e = Embedding(source: source, target: target, chains: LineCliqueLayout.shortest(count, of: chains))
                    if e.isValid { return e }
                }
                guard layout.whole + layout.damaged >= count else { continue }
                native = native ?? length
                tried += 1
                fallbacks.append((layout, length))
            }
        }
        // Repair: keep the whole chains and mend the damaged ones by local detours, in each
        // layout tried, most whole chains first; keep the mended embedding with the shortest
        // longest chain. Failing that, re-route the damaged chains of the best layout.
        fallbacks.sort { $0.layout.whole > $1.layout.whole }
        guard let first = fallbacks.first else {
            throw IsingError("no native layout of K\(count) fits \(target.name)")
        }
        var best: Embedding?
        var partial: (chains: [[Int]], unmended: Int)?
        for (layout, length) in fallbacks.prefix(LineCliqueLayout.layoutsMended) {
            let found = staircase.chains(of: layout, maxLength: length, damaged: true)
            let whole = Array(found.whole.prefix(count))
            let rest = found.damaged.sorted { $0.dead < $1.dead }.prefix(count - whole.count)
            let chains = (whole + rest).map(\.nodes)
            guard let mended = LocalChainRepair(source: source, target: target).run(chains: chains, damaged: Array(whole.count..<count)) else { continue }
            if !mended.unmended.isEmpty {
                if partial.map({ mended.unmended.count < $0.unmended }) ?? true { partial = (mended.chains, mended.unmended.count) }
                continue
            }
            let e = Embedding(source: source, target: target, chains: mended.chains)
            guard e.isValid else { continue }
            if best.map({ (e.maxChainLength, e.qubitCount) < ($0.maxChainLength, $0.qubitCount) }) ?? true { best = e }
        }
        if let best { return best }
        // The search re-routes the chains not mended (and any left invalid).
        let layout = first.layout
        var repair = search
        let initial = staircase.chains(of: layout, maxLength: first.length, damaged: true)
        repair.initialChains = partial?.chains ?? (Array(initial.whole.prefix(count)) + initial.damaged.prefix(max(0, count - initial.whole.count))).map(\.nodes)
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
