import Display
import IsingCore

extension BuiltinRegistry {
    /// Minor embedding: find_embedding, clique_embedding, embed, unembed, embedded.
    static func registerEmbeddings(into r: inout BuiltinRegistry) {
        r.add("find_embedding", [.required("source"), .required("target"), .optional("tries", "10"), .optional("timeout", "60"),
                                 .optional("seed", "0"), .optional("chain_patience", "10"), .optional("threads", "cores"),
                                 .optional("initial_chains", "none")],
              topic: "embedding", doc: """
            Finds a minor embedding of a graph (or of a Hamiltonian's couplings) into a target graph, heuristically.
            Chains are placed, then torn out and re-routed along weighted shortest paths (a node's weight growing with the
            chains already on it) until no qubit is shared, then re-routed to shorten them (Cai, Macready and Roy 2014).
            Tries run one after another until one succeeds (at most `tries`), each spreading its searches over `threads`;
            a try that cannot shorten its chains further tears out the longest ones and re-routes them with sharing.
            A complete graph on a Chimera target gets the native clique layout when one fits without dead qubits; otherwise
            the tries start from the native layout whose broken chains are best mended by detours around the dead qubits.
            `initial_chains:` (an Embedding, a list per source node or a record {node: [qubits]}, as for embedding(...)) is the start:
            chains that are empty, broken, shared or miss a neighbour are re-routed, then all are shortened.
            The same seed gives the same embedding; a failure is an error with the reason.
            let emb = find_embedding(complete(15), dead_qubits(chimera(12), 55, seed: 1), seed: 1)
            """) { args in
            let source = try sourceGraph(args, 0)
            let target = try args.graph(1)
            var search = EmbeddingSearch()
            search.tries = try args.int(2, default: 10)
            search.timeout = try args.double(3, default: 60)
            let seed = try args.int(4, default: 0)
            args.interpreter.noteSeed(seed)
            search.seed = UInt64(bitPattern: Int64(seed))
            search.chainPatience = try args.int(5, default: 10)
            let threads = try args.int(6, default: defaultThreadCount)
            guard threads >= 1, threads <= 1024 else { throw args.error("`threads` must be between 1 and 1024") }
            search.threads = threads
            guard search.tries >= 1, search.tries <= 100_000 else { throw args.error("`tries` must be between 1 and 100000") }
            if args.has(7) { search.initialChains = try initialChains(args, 7, source: source, target: target) }
            let bar = ProgressBar.onStandardError(label: "find_embedding", total: search.tries)
            bar.startDelay = 0.5
            search.progress = { done, _ in bar.update(to: done) }
            defer { bar.finish() }
            do {
                return .object(EmbeddingValue(try search.run(source: source, target: target)))
            } catch let e as IsingError {
                throw args.error(e.message, hint: e.message.hasPrefix("no embedding found") ? nil : "see help(find_embedding)")
            }
        }
        r.add("clique_embedding", [.required("n"), .required("target"), .optional("seed", "0")], topic: "embedding", doc: """
            A native embedding of the complete graph K_n into a Chimera, Pegasus or Zephyr target, with chains of (nearly) equal length.
            Each chain is one horizontal and one vertical run of qubits that cross; the runs are cut so every pair of chains
            crosses too. Chimera: in an s x s square of cells (s = ceil(n / t)) chains of s + 1 qubits, up to K_{t min(m, n)}.
            Pegasus and Zephyr: the layout with the shortest chains is found exactly among staircase layouts, up to K_{12(m-1)}
            in pegasus(m) (K180 in P16, chains of 16-17) and K_{2t(2m-1)} in zephyr(m, t) (K184 in Z12, chains of 13).
            With dead qubits, a layout avoiding them is preferred (Pegasus and Zephyr: chains up to two qubits longer);
            failing that, broken chains are mended by detours through unused qubits or re-routed by the search (those may be longer).
            clique_embedding(100, dead_qubits(pegasus(16), 20, seed: 1))
            """) { args in
            let n = try args.int(0)
            let target = try args.graph(1)
            let seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            var search = EmbeddingSearch()
            search.seed = UInt64(bitPattern: Int64(seed))
            search.tries = 4
            search.threads = defaultThreadCount
            do {
                if let topology = target.topology, topology.family != .chimera {
                    return .object(EmbeddingValue(try LineCliqueLayout(topology).embed(clique: n, into: target, search: search)))
                }
                guard let shape = chimeraShape(of: target) else {
                    throw args.error("`target` must be a Chimera, Pegasus or Zephyr graph (from chimera(...), pegasus(...) or zephyr(...), possibly with dead qubits), got \(target.name)",
                                     hint: "native cliques are laid out on hardware lattices only; for other targets use find_embedding(complete(n), target)")
                }
                let layout = try ChimeraCliqueLayout(m: shape.m, n: shape.n, t: shape.t)
                return .object(EmbeddingValue(try layout.embed(clique: n, into: target, search: search)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("embedding", [.required("chains"), .required("source"), .required("target")], topic: "embedding", doc: """
            An embedding from given chains: a list with one list of target nodes per source node, or a record {node: [qubits]}.
            It is not checked when made; emb.verify() checks it.
            embedding({0: [0, 3], 1: [1], 2: [2, 4, 5]}, complete(3), grid(2, 3))
            """) { args in
            let source = try args.graph(1), target = try args.graph(2)
            var chains = [[Int]](repeating: [], count: source.nodeCount)
            func qubits(_ v: Value, of node: Label) throws -> [Int] {
                guard case .list(let xs) = v else { throw args.error("the chain of \(node) must be a list of target nodes, got \(v.typeName)") }
                return try xs.map { x in
                    let l = try args.label(x, what: "qubit")
                    guard let q = target.index(of: l) else { throw args.error("the chain of \(node) names qubit \(l), which the target does not have") }
                    return q
                }
            }
            switch args.value(0) {
            case .record(let r):
                for k in 0..<r.count {
                    let node = try args.label(r.keys[k], what: "node")
                    guard let v = source.index(of: node) else { throw args.error("the source graph has no node \(node)") }
                    chains[v] = try qubits(r.values[k], of: node)
                }
            case .list(let xs):
                guard xs.count == source.nodeCount else {
                    throw args.error("`chains` has \(xs.count) chains but the source graph has \(source.nodeCount) nodes")
                }
                for (v, x) in xs.enumerated() { chains[v] = try qubits(x, of: source.nodes[v]) }
            case let other:
                throw args.error("`chains` must be a list of chains or a record {node: [qubits]}, got \(other.typeName)")
            }
            return .object(EmbeddingValue(Embedding(source: source, target: target, chains: chains)))
        }
        r.add("embed", [.required("H"), .required("embedding"), .optional("chain_strength", "auto")], topic: "embedding", doc: """
            The Hamiltonian over qubits that an embedding makes of a logical one.
            Fields are spread evenly over each chain, couplings over the target edges between two chains, and each edge
            inside a chain gets the coupling -chain_strength (with the offset that keeps intact chains at the logical energy).
            The default chain strength is uniform torque compensation: sqrt(2) * rms(J) * sqrt(mean degree).
            embed(sk(15, seed: 1), emb)
            """) { args in
            let model = try args.hamiltonian(0)
            let e = try args.embedding(1)
            let strength = args.has(2) ? try args.double(2) : nil
            do { return .object(HamiltonianValue(try e.embed(model, chainStrength: strength))) } catch let error as IsingError {
                throw args.error(error.message)
            }
        }
        r.add("unembed", [.required("samples"), .required("embedding"), .optional("method", "\"majority\""), .optional("seed", "0"),
                          .optional("H")], topic: "embedding", doc: """
            Logical samples from samples over qubits: the same as emb.decode(samples, method: ..., seed: ..., H: ...).
            """) { args in
            try decode(try args.embedding(1), args, samples: 0, method: 2, seed: 3, model: 4)
        }
        r.add("embedded", [.required("sampler"), .required("embedding"), .optional("chain_strength", "auto"),
                           .optional("decode", "\"majority\"")], topic: "samplers", doc: """
            A composite sampler that samples a logical Hamiltonian through an embedding with an inner sampler.
            Each call embeds the Hamiltonian, samples the qubit model and decodes every read (`decode:` as for emb.decode);
            info has chain_strength, chain_break_fraction (mean) and chain_break_fractions (per read).
            sample(H, embedded(sa(), emb), reads: 100, seed: 1)
            """) { args in
            let inner = try args.sampler(0)
            let e = try args.embedding(1)
            let strength = args.has(2) ? try args.double(2) : nil
            let method = try args.chainBreakMethod(3)
            do {
                return .object(SamplerValue(try EmbeddedSampler(inner: inner, embedding: e, chainStrength: strength, decode: method)))
            } catch let error as IsingError { throw args.error(error.message) }
        }
    }

    /// Chains to start a search from: a list with one list of target nodes per source node,
    /// or a record {node: [qubits]} (nodes left out start empty); as target node indices.
    static func initialChains(_ args: Arguments, _ i: Int, source: Graph, target: Graph) throws -> [[Int]] {
        var chains = [[Int]](repeating: [], count: source.nodeCount)
        func qubits(_ v: Value, of node: Label) throws -> [Int] {
            guard case .list(let xs) = v else {
                throw args.error("`initial_chains`: the chain of \(node) must be a list of target nodes, got \(v.typeName)")
            }
            return try xs.map { x in
                let l = try args.label(x, what: "qubit")
                guard let q = target.index(of: l) else {
                    throw args.error("`initial_chains`: the chain of \(node) names qubit \(l), which the target does not have")
                }
                return q
            }
        }
        switch args.value(i) {
        case .record(let r):
            for k in 0..<r.count {
                let node = try args.label(r.keys[k], what: "node")
                guard let v = source.index(of: node) else {
                    throw args.error("`initial_chains` names node \(node), which the source graph does not have")
                }
                chains[v] = try qubits(r.values[k], of: node)
            }
        case .list(let xs):
            guard xs.count == source.nodeCount else {
                throw args.error("`initial_chains` has \(xs.count) chains but the source graph has \(source.nodeCount) nodes",
                                 hint: "give one chain per source node, or a record {node: [qubits]}")
            }
            for (v, x) in xs.enumerated() { chains[v] = try qubits(x, of: source.nodes[v]) }
        case .object(let o as EmbeddingValue):
            let e = o.embedding
            guard e.chains.count == source.nodeCount else {
                throw args.error("`initial_chains` is an embedding of \(e.chains.count) nodes but the source graph has \(source.nodeCount)")
            }
            for (v, chain) in e.chains.enumerated() {
                chains[v] = try chain.map { q in
                    guard q >= 0, q < e.target.nodeCount, let t = target.index(of: e.target.nodes[q]) else {
                        throw args.error("`initial_chains`: the chain of \(source.nodes[v]) uses a qubit the target does not have")
                    }
                    return t
                }
            }
        case let other:
            throw args.error("`initial_chains` must be a list of chains, a record {node: [qubits]} or an Embedding, got \(other.typeName)")
        }
        return chains
    }

    /// The source graph of an embedding: a graph, or the couplings of a Hamiltonian.
    static func sourceGraph(_ args: Arguments, _ i: Int) throws -> Graph {
        if case .object(let h as HamiltonianValue) = args.value(i) {
            let m = try h.quadratic()
            var g = Graph()
            g.name = "couplings of a Hamiltonian"
            for v in m.variables { g.addNode(v) }
            for t in m.interactions where t.bias != 0 { g.addEdge(index: t.u, index: t.v) }
            return g
        }
        guard case .object(let o as GraphValue) = args.value(i) else {
            throw args.error("`\(args.name(i))` must be a Graph or a Hamiltonian, got \(args.value(i).typeName)",
                             hint: "for example complete(15) or sk(15)")
        }
        return o.graph
    }

    /// Decodes the sample set at `samples` with the method, seed and optional model at the given positions.
    static func decode(_ e: Embedding, _ args: Arguments, samples s: Int, method m: Int, seed k: Int, model h: Int) throws -> Value {
        let samples = try args.sampleSet(s)
        let method = try args.chainBreakMethod(m)
        let seed = try args.int(k, default: 0)
        args.interpreter.noteSeed(seed)
        var model: BinaryQuadraticModel?
        if args.has(h) {
            let mm = try args.hamiltonian(h)
            model = mm.vartype == samples.vartype ? mm : mm.converted(to: samples.vartype)
        }
        do {
            let variables = model?.variables ?? e.source.nodes
            return .object(SampleSetValue(try e.unembed(samples, method: method, seed: UInt64(bitPattern: Int64(seed)),
                                                         variables: variables, logical: model)))
        } catch let error as IsingError {
            throw args.error(error.message, hint: method == .minimizeEnergy ? "pass the logical Hamiltonian as H:" : nil)
        }
    }

    /// The lattice shape (m, n, t) of a Chimera graph: from its topology (hardware graphs),
    /// else from coordinates (i, j, u, k).
    static func chimeraShape(of g: Graph) -> (m: Int, n: Int, t: Int)? {
        if let topology = g.topology {
            return topology.family == .chimera ? (topology.m, topology.n, topology.t) : nil
        }
        guard let c = g.coordinates, !c.isEmpty, c.allSatisfy({ $0.count == 4 }) else { return nil }
        var top = [0, 0, 0, 0]
        for x in c { for d in 0..<4 { top[d] = max(top[d], x[d]) } }
        guard top[2] == 1 else { return nil }
        return (top[0] + 1, top[1] + 1, top[3] + 1)
    }
}
