import IsingCore

/// A minor embedding as a language value (made by `find_embedding` and `clique_embedding`).
final class EmbeddingValue: NativeValue {
    let embedding: Embedding
    init(_ embedding: Embedding) { self.embedding = embedding }

    override var typeName: String { "Embedding" }
    override var summary: String {
        "Embedding(\(embedding.source.nodeCount) nodes -> \(embedding.qubitCount) qubits, max chain \(embedding.maxChainLength))"
    }
    override var display: String {
        let e = embedding
        var lines = [summary, "  \(e.source.name) into \(e.target.name), chains of \(e.minChainLength)–\(e.maxChainLength) qubits"]
        for (v, chain) in e.chains.prefix(8).enumerated() {
            let shown = chain.prefix(12).map { e.target.nodes[$0].description }.joined(separator: ", ")
            lines.append("  \(e.source.nodes[v]): [\(shown)\(chain.count > 12 ? ", ... (\(chain.count))" : "")]")
        }
        if e.chains.count > 8 { lines.append("  ... \(e.chains.count - 8) more chains") }
        return lines.joined(separator: "\n")
    }
    override var length: Int? { embedding.chains.count }

    override var memberNames: [String] {
        ["chains", "qubits", "max_chain", "min_chain", "source", "target", "qubit_labels", "verify", "encode", "decode",
         "chain_break_fraction", "chain"]
    }

    /// The chain of source node `v` as qubit labels.
    func chainValue(_ v: Int) -> Value {
        .list(embedding.chains[v].map { embedding.target.nodes[$0].value })
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let e = embedding
        switch name {
        case "chains": return .list(e.chains.indices.map(chainValue))
        case "qubits": return .int(e.qubitCount)
        case "max_chain": return .int(e.maxChainLength)
        case "min_chain": return .int(e.minChainLength)
        case "source": return .object(GraphValue(e.source))
        case "target": return .object(GraphValue(e.target))
        case "qubit_labels": return .list(e.usedQubitLabels.map(\.value))
        case "chain":
            return method(name, [.required("node")], "The chain of one source node, as a list of qubits.") { args in
                let l = try args.label(args.value(0), what: "node")
                guard let v = e.source.index(of: l) else { throw args.error("the source graph has no node \(l)") }
                return self.chainValue(v)
            }
        case "verify":
            return method(name, [], """
                Checks the embedding: chains non-empty, connected, disjoint, every source edge realised; true or an error naming the first failure.
                """) { args in
                do { try e.verify() } catch let error as IsingError { throw args.error(error.message) }
                return .bool(true)
            }
        case "encode":
            return method(name, [.required("data")], """
                The replica map: each logical value copied to every qubit of its chain, giving states over `qubit_labels`.
                `data` is one state (a list with one value per source node, or a record) or a list of states.
                """) { args in
                let rows = try EmbeddingValue.logicalRows(args.value(0), e, args)
                let encoded = try rows.map { row -> Value in
                    do { return stateValue(try e.encode(row)) } catch let error as IsingError { throw args.error(error.message) }
                }
                return EmbeddingValue.isSingleState(args.value(0)) ? encoded[0] : .list(encoded)
            }
        case "decode":
            return method(name, [.required("samples"), .optional("method", "\"majority\""), .optional("seed", "0"), .optional("H")], """
                Reads logical samples from samples over qubits, one value per chain (the majority vote by default).
                `method:` is "majority" (ties by a seeded fair coin), "discard" (drop samples with a broken chain), "weighted"
                (the upper value with probability equal to its share of the chain) or "minimize_energy" (broken chains set greedily
                to lower the energy of `H`); with `H:` the decoded samples carry its energies.
                """) { args in
                try BuiltinRegistry.decode(e, args, samples: 0, method: 1, seed: 2, model: 3)
            }
        case "chain_break_fraction":
            return method(name, [.required("samples"), .optional("per", "\"sample\"")], """
                The fraction of chains broken in each sample (per: "sample"), or how often each chain is broken (per: "chain").
                """) { args in
                let samples = try args.sampleSet(0)
                let per = try args.string(1, default: "sample")
                do {
                    switch per {
                    case "sample": return .list(try e.chainBreakFractionPerSample(samples).map { .float($0) })
                    case "chain": return .list(try e.chainBreakFractionPerChain(samples).map { .float($0) })
                    default: throw args.error("`per` must be \"sample\" or \"chain\", got \"\(per)\"")
                    }
                } catch let error as IsingError { throw args.error(error.message) }
            }
        default: return nil
        }
    }

    /// Whether a value is one state rather than a list of states.
    static func isSingleState(_ v: Value) -> Bool {
        switch v {
        case .record: return true
        case .list(let xs), .tuple(let xs):
            if case .list? = xs.first { return false }
            if case .tuple? = xs.first { return false }
            if case .record? = xs.first { return false }
            return true
        default: return true
        }
    }

    /// Logical states (one value per source node, in source order) from one state or a list.
    static func logicalRows(_ v: Value, _ e: Embedding, _ args: Arguments) throws -> [[Int8]] {
        let rows: [Value]
        if isSingleState(v) { rows = [v] } else if case .list(let xs) = v { rows = xs } else if case .tuple(let xs) = v { rows = xs } else { rows = [v] }
        return try rows.map { row in
            let values = try readAnyState(row, variables: e.source.nodes, index: { e.source.index(of: $0) })
            return values
        }
    }
}

/// Reads a state whose values may be spins (±1) or binaries (0/1), not mixed.
func readAnyState(_ v: Value, variables: [Label], index: (Label) -> Int?) throws -> [Int8] {
    var hasMinus = false, hasZero = false
    func scan(_ x: Value) { if case .int(let i) = x { if i == -1 { hasMinus = true } else if i == 0 { hasZero = true } } }
    switch v {
    case .list(let xs), .tuple(let xs): xs.forEach(scan)
    case .record(let r): r.values.forEach(scan)
    default: break
    }
    if hasMinus && hasZero {
        throw Diagnostic.runtime("a state must be all spins (-1/+1) or all binaries (0/1), not both", at: nil)
    }
    return try readState(v, variables: variables, vartype: hasZero ? .binary : .spin, index: index)
}

extension Arguments {
    /// An embedding argument.
    func embedding(_ i: Int) throws -> Embedding {
        guard case .object(let o as EmbeddingValue) = value(i) else {
            throw error("`\(name(i))` must be an Embedding, got \(value(i).typeName)",
                        hint: "make one with find_embedding(source, target) or clique_embedding(n, target)")
        }
        return o.embedding
    }

    /// A chain-break method by name.
    func chainBreakMethod(_ i: Int) throws -> ChainBreakMethod {
        guard has(i) else { return .majority }
        let text = try string(i)
        guard let m = ChainBreakMethod(rawValue: text) else {
            throw error("`\(name(i))` must be \"majority\", \"discard\", \"weighted\" or \"minimize_energy\", got \"\(text)\"")
        }
        return m
    }
}
