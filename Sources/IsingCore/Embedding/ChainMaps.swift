/// How a logical value is read from a chain whose qubits disagree (a broken chain).
public enum ChainBreakMethod: String, Sendable, CaseIterable {
    /// The value most of the chain's qubits hold; an even split is settled by a fair coin.
    case majority
    /// Samples with any broken chain are dropped.
    case discard
    /// The upper value with probability equal to the fraction of the chain's qubits that
    /// hold it (a weighted random vote).
    case weighted
    /// Broken chains start from their majority and are then set, one at a time and
    /// repeatedly until nothing changes, to the value of lower logical energy.
    case minimizeEnergy = "minimize_energy"
}

extension Embedding {
    /// The target nodes the chains use, ascending: the variables of an embedded model.
    public var usedQubits: [Int] { chains.flatMap { $0 }.sorted() }

    /// The labels of the used qubits, in `usedQubits` order.
    public var usedQubitLabels: [Label] { usedQubits.map { target.nodes[$0] } }

    /// For each chain, the columns of its qubits among `variables` (a sample set's
    /// variables); throws when a chain qubit is missing.
    public func chainColumns(in variables: [Label]) throws -> [[Int]] {
        var column = [Label: Int]()
        for (i, l) in variables.enumerated() { column[l] = i }
        return try chains.enumerated().map { v, chain in
            try chain.map { q in
                let label = target.nodes[q]
                guard let c = column[label] else {
                    throw IsingError("the samples have no qubit \(label) (in the chain of \(source.nodes[v]))")
                }
                return c
            }
        }
    }

    /// The replica map: each logical state (one value per source node, in source node
    /// order) copied to every qubit of its chain, giving a state over `usedQubits`.
    public func encode(_ logical: [Int8]) throws -> [Int8] {
        guard logical.count == chains.count else {
            throw IsingError("a logical state needs \(chains.count) values (one per source node), got \(logical.count)")
        }
        let used = usedQubits
        var position = [Int: Int]()
        for (i, q) in used.enumerated() { position[q] = i }
        var out = [Int8](repeating: 0, count: used.count)
        for (v, chain) in chains.enumerated() { for q in chain { if let i = position[q] { out[i] = logical[v] } } }
        return out
    }

    /// Whether each chain is broken in each row: `broken[r * chains.count + v]`.
    public func brokenChains(_ samples: SampleSet) throws -> [Bool] {
        let columns = try chainColumns(in: samples.variables)
        let n = samples.variables.count
        var out = [Bool](repeating: false, count: samples.size * chains.count)
        for r in 0..<samples.size {
            let base = r * n
            for (v, cols) in columns.enumerated() {
                guard let first = cols.first else { continue }
                let x = samples.states[base + first]
                out[r * chains.count + v] = cols.contains { samples.states[base + $0] != x }
            }
        }
        return out
    }

    /// The fraction of chains broken in each row of `samples`.
    public func chainBreakFractionPerSample(_ samples: SampleSet) throws -> [Double] {
        let broken = try brokenChains(samples)
        let m = chains.count
        guard m > 0 else { return Array(repeating: 0, count: samples.size) }
        return (0..<samples.size).map { r in
            Double((0..<m).reduce(0) { $0 + (broken[r * m + $1] ? 1 : 0) }) / Double(m)
        }
    }

    /// For each chain, the fraction of reads (counting repeated rows) in which it is broken.
    public func chainBreakFractionPerChain(_ samples: SampleSet) throws -> [Double] {
        let broken = try brokenChains(samples)
        let m = chains.count
        let reads = samples.reads
        guard reads > 0 else { return Array(repeating: 0, count: m) }
        return (0..<m).map { v in
            Double((0..<samples.size).reduce(0) { $0 + (broken[$1 * m + v] ? samples.counts[$1] : 0) }) / Double(reads)
        }
    }

    /// Reads logical samples from samples over qubits: one value per chain by `method`.
    /// `variables` lists the logical variables wanted, in order (each a source node);
    /// energies are computed in `logical` when given (required for minimize_energy), else 0.
    public func unembed(_ samples: SampleSet, method: ChainBreakMethod, seed: UInt64,
                        variables: [Label]? = nil, logical: BinaryQuadraticModel? = nil) throws -> SampleSet {
        let wanted = variables ?? source.nodes
        var sourceIndex = [Int]()
        sourceIndex.reserveCapacity(wanted.count)
        for l in wanted {
            guard let i = source.index(of: l) else { throw IsingError("the embedding has no chain for variable \(l)") }
            sourceIndex.append(i)
        }
        if method == .minimizeEnergy && logical == nil {
            throw IsingError("minimize_energy needs the logical Hamiltonian to compare energies")
        }
        var modelColumn: [Int]?
        if let model = logical {
            var position = [Label: Int]()
            for (k, l) in wanted.enumerated() { position[l] = k }
            modelColumn = try model.variables.map { l in
                guard let k = position[l] else { throw IsingError("the Hamiltonian's variable \(l) is not among the decoded variables") }
                return k
            }
        }
        let columns = try chainColumns(in: samples.variables)
        let (lo, hi) = samples.vartype.values
        let n = samples.variables.count
        var rng = Xoshiro256(seed: seed)
        var states: [Int8] = []
        var counts: [Int] = []
        var energies: [Double] = []
        states.reserveCapacity(samples.size * wanted.count)
        var row = [Int8](repeating: lo, count: wanted.count)
        var broken = [Bool](repeating: false, count: wanted.count)
        for r in 0..<samples.size {
            let base = r * n
            var anyBroken = false
            for (k, v) in sourceIndex.enumerated() {
                let cols = columns[v]
                var up = 0
                for c in cols where samples.states[base + c] == hi { up += 1 }
                let total = cols.count
                broken[k] = up != 0 && up != total
                anyBroken = anyBroken || broken[k]
                switch method {
                case .majority, .discard, .minimizeEnergy:
                    if 2 * up > total { row[k] = hi } else if 2 * up < total { row[k] = lo } else { row[k] = rng.nextInt(below: 2) == 0 ? lo : hi }
                case .weighted:
                    row[k] = broken[k] ? (rng.nextDouble() * Double(total) < Double(up) ? hi : lo) : (up == total ? hi : lo)
                }
            }
            if method == .discard && anyBroken { continue }
            if method == .minimizeEnergy, anyBroken, let model = logical, let cols = modelColumn {
                settleBrokenChains(&row, broken: broken, model: model, columns: cols, values: (lo, hi))
            }
            states.append(contentsOf: row)
            counts.append(samples.counts[r])
            if let model = logical, let cols = modelColumn {
                energies.append(model.energy(cols.map { row[$0] }))
            } else {
                energies.append(0)
            }
        }
        var decoded = SampleSet(variables: wanted, vartype: samples.vartype, states: states, energies: energies, counts: counts,
                                info: samples.info, seconds: samples.seconds)
        decoded.hasEnergies = logical != nil
        return decoded
    }

    /// Greedy repair of broken chains: each is set to the value of lower energy given the
    /// rest, in sweeps until no value changes (at most 100 sweeps).
    private func settleBrokenChains(_ row: inout [Int8], broken: [Bool], model: BinaryQuadraticModel,
                                    columns: [Int], values: (Int8, Int8)) {
        var state = columns.map { row[$0] }
        let flexible = model.variables.indices.filter { broken[columns[$0]] }
        for _ in 0..<100 {
            var changed = false
            for i in flexible {
                let current = state[i]
                state[i] = values.0
                let low = model.energy(state)
                state[i] = values.1
                let high = model.energy(state)
                let best: Int8 = low < high ? values.0 : (high < low ? values.1 : current)
                state[i] = best
                if best != current { changed = true }
            }
            if !changed { break }
        }
        for (i, c) in columns.enumerated() { row[c] = state[i] }
    }
}
