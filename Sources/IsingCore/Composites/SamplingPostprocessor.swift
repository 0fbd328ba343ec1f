/// Sampling post-processing on the logical problem that chains of qubits define, as the
/// D-Wave 2000Q offered it (`postprocess: "sampling"` with `beta`): the inner sampler's
/// reads of a problem on qubits are read back chain by chain (majority vote, an even
/// split settled by a fair coin), a few Gibbs sweeps at inverse temperature `beta` then
/// run on the chain-level problem, and each chain's value is written back to all its
/// qubits. The chain-level problem sums the fields of a chain's qubits and the couplings
/// between two chains' qubits; couplings inside a chain are constant once the chain is
/// whole. Qubits of the problem outside every chain are chains of one.
///
/// With many sweeps the reads approach the Boltzmann distribution of the chain-level
/// problem at `beta`, whatever the inner sampler gave; with one or a few they stay close
/// to the inner sampler's reads and only repair what a local move can.
public struct SamplingPostprocessor: Sampler {
    public let inner: any Sampler
    /// The chains, as labels of the problem's variables (qubits).
    public let chains: [[Label]]
    public let sweeps: Int
    public let beta: Double

    public init(inner: any Sampler, chains: [[Label]], sweeps: Int, beta: Double) throws {
        try requireAtLeast(sweeps, 1, "sweeps")
        try requirePositive(beta, "beta")
        var seen = Set<Label>()
        for (c, chain) in chains.enumerated() {
            guard !chain.isEmpty else { throw IsingError("chain \(c) is empty; every chain needs at least one qubit") }
            for q in chain where !seen.insert(q).inserted {
                throw IsingError("qubit \(q) is in two chains; chains must not share qubits")
            }
        }
        self.inner = inner; self.chains = chains; self.sweeps = sweeps; self.beta = beta
    }

    /// Post-processing over an embedding's chains (the labels of its target graph's nodes).
    public init(inner: any Sampler, embedding: Embedding, sweeps: Int, beta: Double) throws {
        let nodes = embedding.target.nodes
        let chains = embedding.chains.map { $0.compactMap { nodes.indices.contains($0) ? nodes[$0] : nil } }
        try self.init(inner: inner, chains: chains, sweeps: sweeps, beta: beta)
    }

    public var name: String { "postprocessed" }
    public var settings: [(String, String)] {
        [("sampler", inner.name), ("chains", String(chains.count)), ("sweeps", String(sweeps)), ("beta", "\(beta)")]
    }

    /// Each problem variable's chain index: the given chains first, then one chain per
    /// variable outside them. Throws when a chain names a qubit the problem lacks.
    func groups(of model: SpinModel) throws -> (chainOf: [Int], members: [[Int]]) {
        var index: [Label: Int] = [:]
        for (i, l) in model.labels.enumerated() { index[l] = i }
        var chainOf = [Int](repeating: -1, count: model.count)
        var members: [[Int]] = []
        for (c, chain) in chains.enumerated() {
            var list: [Int] = []
            for q in chain {
                guard let i = index[q] else {
                    throw IsingError("qubit \(q) of chain \(c) is not a variable of the problem; post-process with the chains of the embedding the problem was made with")
                }
                chainOf[i] = members.count
                list.append(i)
            }
            members.append(list)
        }
        for i in 0..<model.count where chainOf[i] < 0 {
            chainOf[i] = members.count
            members.append([i])
        }
        return (chainOf, members)
    }

    /// The chain-level problem: summed fields, and summed couplings between distinct chains.
    func logicalModel(_ model: SpinModel, chainOf: [Int], chainCount: Int) -> SpinModel {
        var bqm = BinaryQuadraticModel(vartype: .spin)
        var h = [Double](repeating: 0, count: chainCount)
        for i in 0..<model.count { h[chainOf[i]] += model.h[i] }
        for c in 0..<chainCount { bqm.addLinear(.int(c), h[c]) }
        for (i, j, b) in model.edges where chainOf[i] != chainOf[j] {
            bqm.addQuadratic(index: chainOf[i], index: chainOf[j], b)
        }
        return SpinModel(bqm)
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        try validate(request, count: model.count)
        let n = model.count
        let (chainOf, members) = try groups(of: model)
        var raw = try inner.sample(model, request)
        guard n > 0 else { return raw }
        guard raw.states.count == request.reads * n else { throw IsingError("the inner sampler returned states of the wrong size") }
        let m = members.count
        var start = [Int8](repeating: 1, count: request.reads * m)
        var broken = 0
        for r in 0..<request.reads {
            var rng = Xoshiro256(seed: request.seed(forRead: r) ^ 0x504F_5354_5052_4F43)
            let row = r * n
            for (c, qubits) in members.enumerated() {
                var sum = 0
                for q in qubits { sum += Int(raw.states[row + q]) }
                if c < chains.count, abs(sum) != qubits.count { broken += 1 }
                start[r * m + c] = sum > 0 ? 1 : (sum < 0 ? -1 : (rng.next() & 1 == 1 ? 1 : -1))
            }
        }
        let logical = logicalModel(model, chainOf: chainOf, chainCount: m)
        var gibbsRequest = SampleRequest(reads: request.reads, seed: request.seed(forRead: 1 << 41), threads: request.threads,
                                         initial: start)
        gibbsRequest.progress = nil
        let settled = try MCMCSampler(kind: .gibbs, sweeps: sweeps, beta: beta).sample(logical, gibbsRequest)
        var states = [Int8](repeating: 1, count: request.reads * n)
        for r in 0..<request.reads {
            for i in 0..<n { states[r * n + i] = settled.states[r * m + chainOf[i]] }
        }
        raw.info.append(("postprocess", .string("sampling")))
        raw.info.append(("postprocess.sweeps", .int(sweeps)))
        raw.info.append(("postprocess.beta", .double(beta)))
        raw.info.append(("postprocess.chain_break_fraction", .double(Double(broken) / Double(max(1, request.reads * chains.count)))))
        return SpinSamples(states: states, energies: model.energies(of: states), info: raw.info)
    }
}
