import IsingCore

/// A fully visible Boltzmann machine on any graph: one ±1 variable per node, a field
/// h_i per node and a coupling J_ij per edge, with the project's energy convention
///
///     E(s) = Σ_i h_i s_i + Σ_(ij) J_ij s_i s_j,   P(s) = exp(−E(s)) / Z
///
/// (the same as `ising(...)`, so `bqm` is a model every sampler accepts). Seed 004
/// writes E with minus signs; its learning rule is the same with the signs flipped.
///
/// A machine built from an embedding (seed 004's hardware-embedded model) has one
/// variable per qubit of the embedding's chains, every hardware edge between those
/// qubits as a coupling, and remembers the chains: logical data are encoded by copying
/// each value to every qubit of its chain (eq. 6) and samples are decoded by a majority
/// vote in each chain (eq. 8).
public final class VisibleBoltzmannMachine: TrainableModel, @unchecked Sendable {
    /// The graph whose nodes are the model's variables (the qubits, for an embedded model).
    public let graph: Graph
    /// Fields, one per node.
    public var h: [Double]
    /// Couplings, one per edge of `graph.edges`.
    public var J: [Double]
    /// For an embedded model, the model variables (node indices) of each logical variable.
    public let chains: [[Int]]?
    /// The picture shape of the logical data, once known (from training data).
    public var shape: PictureShape?
    /// The classes of one-hot columns at the end of the logical data, once known.
    public var classColumns: [Int] = []
    /// The last batch's moments, kept with the batch (whose storage it holds, so a batch
    /// with the same storage is the same data): full-batch training computes them once.
    private var positiveCache: (batch: Dataset, mean: [Double], pairs: [Double])?

    /// A machine on `graph` with parameters drawn uniformly from [−scale, scale] (seed
    /// 004 starts from [−1e−6, 1e−6] to break the symmetry).
    public init(graph: Graph, chains: [[Int]]? = nil, initialScale: Double = 1e-6, seed: UInt64 = 0) throws {
        guard graph.nodeCount >= 1 else { throw IsingError("a Boltzmann machine needs at least one node") }
        guard initialScale.isFinite, initialScale >= 0 else { throw IsingError("the initial scale must be a non-negative number") }
        if let chains {
            var seen = Set<Int>()
            for c in chains {
                guard !c.isEmpty else { throw IsingError("every chain needs at least one qubit") }
                for q in c {
                    guard q >= 0, q < graph.nodeCount, seen.insert(q).inserted else { throw IsingError("chains must use distinct qubits of the graph") }
                }
            }
        }
        self.graph = graph
        self.chains = chains
        var rng = Xoshiro256(seed: seed)
        func draw() -> Double { initialScale == 0 ? 0 : initialScale * (2 * rng.nextDouble() - 1) }
        h = (0..<graph.nodeCount).map { _ in draw() }
        J = (0..<graph.edgeCount).map { _ in draw() }
    }

    /// The hardware-embedded machine of an embedding: the qubits of all chains (chain by
    /// chain), every target edge between two of them, and the chains for encoding.
    public convenience init(embedding: Embedding, initialScale: Double = 1e-6, seed: UInt64 = 0) throws {
        var g = Graph()
        g.name = "embedded \(embedding.source.name) (\(embedding.qubitCount) qubits)"
        var position = [Int: Int]()
        var chains: [[Int]] = []
        for chain in embedding.chains {
            var c: [Int] = []
            for q in chain {
                guard q >= 0, q < embedding.target.nodeCount else { throw IsingError("a chain names qubit \(q), outside the target graph") }
                let k = g.addNode(embedding.target.nodes[q])
                position[q] = k
                c.append(k)
            }
            chains.append(c)
        }
        for (u, v) in embedding.target.edges {
            if let a = position[u], let b = position[v] { g.addEdge(index: a, index: b) }
        }
        try self.init(graph: g, chains: chains, initialScale: initialScale, seed: seed)
    }

    public var kind: String { "fvbm" }

    /// Number of model variables (qubits for an embedded model).
    public var count: Int { graph.nodeCount }
    /// Number of logical variables (the data's columns).
    public var logicalCount: Int { chains?.count ?? graph.nodeCount }

    public var parameters: [Double] {
        get { h + J }
        set {
            guard newValue.count == h.count + J.count else { return }
            h = Array(newValue[0..<h.count])
            J = Array(newValue[h.count...])
        }
    }

    public var parameterGroups: [ParameterGroup] {
        [ParameterGroup(name: "h", range: 0..<h.count, decays: false),
         ParameterGroup(name: "J", range: h.count..<(h.count + J.count), decays: true)]
    }

    /// The model as a spin binary quadratic model over the graph's node labels.
    public var bqm: BinaryQuadraticModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        for (i, v) in graph.nodes.enumerated() { m.addLinear(v, h[i]) }
        for (k, (u, v)) in graph.edges.enumerated() { m.addQuadratic(index: u, index: v, J[k]) }
        return m
    }

    /// The energy of a state of the model variables (±1 values).
    public func energy(_ z: ArraySlice<Double>) -> Double {
        let base = z.startIndex
        var e = 0.0
        for i in 0..<h.count { e += h[i] * z[base + i] }
        for (k, (u, v)) in graph.edges.enumerated() { e += J[k] * z[base + u] * z[base + v] }
        return e
    }

    // MARK: Encoding and decoding

    /// A logical row copied onto the model variables (each value to every qubit of its chain).
    public func encode(_ row: ArraySlice<Double>) -> [Double] {
        guard let chains else { return Array(row) }
        var z = [Double](repeating: 0, count: count)
        for (i, c) in chains.enumerated() { for q in c { z[q] = row[row.startIndex + i] } }
        return z
    }

    /// The logical values of a model state: the sign of each chain's sum (0 for a tie).
    public func decode(_ z: ArraySlice<Double>) -> [Double] {
        guard let chains else { return Array(z) }
        return chains.map { c in
            let s = c.reduce(0.0) { $0 + z[z.startIndex + $1] }
            return s > 0 ? 1 : (s < 0 ? -1 : 0)
        }
    }

    /// A data set over the model variables: logical rows are encoded, rows that already
    /// have one value per model variable are taken as they are. Values must be ±1.
    public func modelData(_ data: Dataset) throws -> Dataset {
        guard data.isSpins else {
            throw IsingError("a Boltzmann machine learns ±1 data; binarize the data first")
        }
        if data.dimension == count { return data }
        guard chains != nil, data.dimension == logicalCount else {
            throw IsingError("the data has \(data.dimension) values per row but the model has \(logicalCount) variables")
        }
        var out: [Double] = []
        out.reserveCapacity(data.count * count)
        for r in 0..<data.count { out += encode(data.row(r)) }
        return try Dataset(values: out, dimension: count, labels: data.labels, name: data.name + " (encoded)")
    }

    /// Logical rows of model samples (majority vote in each chain for embedded models).
    public func logicalData(_ samples: SpinSamples, shapeFrom: PictureShape? = nil) throws -> Dataset {
        let rows = count == 0 ? 0 : samples.states.count / count
        var out: [Double] = []
        out.reserveCapacity(rows * logicalCount)
        for r in 0..<rows {
            let z = samples.states[(r * count)..<((r + 1) * count)].map(Double.init)
            out += decode(z[...])
        }
        var d = try Dataset(values: out, dimension: logicalCount, shape: shapeFrom ?? shape, name: "samples")
        if d.shape.map({ $0.pixels > logicalCount }) == true { d.shape = nil }
        d.classColumns = classColumns
        return d
    }

    // MARK: Moments

    /// The data's first moments ⟨z_i⟩ and second moments ⟨z_u z_v⟩ on the edges.
    public func moments(of data: Dataset) -> (mean: [Double], pairs: [Double]) {
        var m = [Double](repeating: 0, count: count)
        var c = [Double](repeating: 0, count: J.count)
        let edges = graph.edges
        data.values.withUnsafeBufferPointer { v in
            for r in 0..<data.count {
                let b = r * count
                for i in 0..<count { m[i] += v[b + i] }
                for (k, (u, w)) in edges.enumerated() { c[k] += v[b + u] * v[b + w] }
            }
        }
        let n = Double(max(data.count, 1))
        return (m.map { $0 / n }, c.map { $0 / n })
    }

    /// The model's moments from the request's sampler: exact when the sampler reports
    /// exact magnetisations and correlations, otherwise averages over its samples.
    public func modelMoments(_ request: GradientRequest) throws -> (mean: [Double], pairs: [Double], meanEnergy: Double) {
        try checkSampleSize(request.reads)
        let spin = SpinModel(bqm)
        let exactSampler = request.sampler is ExactSolver
        let reads = exactSampler ? 0 : request.reads
        guard exactSampler || reads >= 1 else { throw IsingError("the negative phase needs at least one read") }
        let raw = try request.sampler.sample(spin, SampleRequest(reads: reads, seed: request.seed, threads: request.threads))
        if let e = raw.exact, e.magnetization.count == count {
            let pairs = graph.edges.map { e.correlations[$0.0 * count + $0.1] }
            // ⟨E⟩ from the moments: Σ h_i ⟨s_i⟩ + Σ J_ij ⟨s_i s_j⟩.
            var energy = 0.0
            for i in 0..<count { energy += h[i] * e.magnetization[i] }
            for k in J.indices { energy += J[k] * pairs[k] }
            return (e.magnetization, pairs, energy)
        }
        let rows = raw.states.count / count
        guard rows >= 1 else { throw IsingError("the sampler returned no samples") }
        var m = [Double](repeating: 0, count: count)
        var c = [Double](repeating: 0, count: J.count)
        let edges = graph.edges
        raw.states.withUnsafeBufferPointer { s in
            for r in 0..<rows {
                let b = r * count
                for i in 0..<count { m[i] += Double(s[b + i]) }
                for (k, (u, w)) in edges.enumerated() { c[k] += Double(s[b + u]) * Double(s[b + w]) }
            }
        }
        let n = Double(rows)
        let energy = raw.energies.isEmpty ? Double.nan : raw.energies.reduce(0, +) / Double(raw.energies.count)
        return (m.map { $0 / n }, c.map { $0 / n }, energy)
    }

    /// Refuses requests for more than 10^9 state values (reads × variables).
    func checkSampleSize(_ reads: Int) throws {
        let (total, overflow) = reads.multipliedReportingOverflow(by: max(count, 1))
        guard reads >= 0, !overflow, total <= 1_000_000_000 else {
            throw IsingError("\(reads) reads of \(count) variables would hold more than 10^9 values")
        }
    }

    // MARK: TrainableModel

    public func prepare(for data: Dataset) throws {
        _ = try modelData(try data.rows(Array(0..<min(data.count, 1))))
        if data.dimension == logicalCount {
            if shape == nil, let s = data.shape, s.pixels <= logicalCount { shape = s }
            if classColumns.isEmpty { classColumns = data.classColumns }
        }
    }

    /// The gradient of the mean log-likelihood: ⟨z⟩_model − ⟨z⟩_data for the fields and
    /// ⟨z_u z_v⟩_model − ⟨z_u z_v⟩_data for the couplings (eqs. 12–13 of seed 004 in this
    /// sign convention).
    public func gradient(on batch: Dataset, _ request: GradientRequest) throws -> GradientEstimate {
        let positive = try positivePhase(batch)
        let negative = try modelMoments(request)
        var g = [Double](repeating: 0, count: h.count + J.count)
        for i in 0..<h.count { g[i] = negative.mean[i] - positive.mean[i] }
        for k in 0..<J.count { g[h.count + k] = negative.pairs[k] - positive.pairs[k] }
        return GradientEstimate(ascent: g, statistics: [("model_energy", negative.meanEnergy)])
    }

    /// The moments of a batch of logical or model rows, reused while the same batch (the
    /// same storage) comes back.
    func positivePhase(_ batch: Dataset) throws -> (mean: [Double], pairs: [Double]) {
        func storage(_ d: Dataset) -> UnsafeRawPointer? { d.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        if let c = positiveCache, c.batch.count == batch.count, c.batch.dimension == batch.dimension,
           storage(c.batch) == storage(batch) {
            return (c.mean, c.pairs)
        }
        let m = moments(of: try modelData(batch))
        positiveCache = (batch, m.mean, m.pairs)
        return m
    }

    // MARK: Exact quantities

    /// log Z by exact enumeration (at most 30 model variables).
    public func logPartition(threads: Int = 1) throws -> Double {
        guard count <= ExactSolver.maxVariables else {
            throw IsingError("exact log Z needs at most \(ExactSolver.maxVariables) variables; this model has \(count)")
        }
        return try ExactSolver(beta: 1).summary(of: SpinModel(bqm), threads: threads).logZ
    }

    /// The mean log-likelihood per row of `data`, exact: mean(−E(z)) − log Z.
    public func logLikelihood(_ data: Dataset, threads: Int = 1) throws -> Double {
        let d = try modelData(data)
        guard d.count > 0 else { throw IsingError("the data set is empty") }
        let logZ = try logPartition(threads: threads)
        var total = 0.0
        for r in 0..<d.count { total -= energy(d.row(r)) }
        return total / Double(d.count) - logZ
    }

    /// The model's samples from a sampler, as logical rows.
    public func sample(_ n: Int, sampler: any Sampler, seed: UInt64, threads: Int = 1) throws -> Dataset {
        guard n >= 0 else { throw IsingError("the number of samples must not be negative") }
        try checkSampleSize(n)
        let raw = try sampler.sample(SpinModel(bqm), SampleRequest(reads: n, seed: seed, threads: threads))
        return try logicalData(raw)
    }
}
