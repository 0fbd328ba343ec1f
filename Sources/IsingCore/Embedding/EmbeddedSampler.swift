/// A composite that samples a logical model on hardware through a minor embedding: the
/// model is embedded over the chains' qubits, the inner sampler samples that model, and
/// each read is decoded back to the logical variables. `info` reports the chain strength
/// used and the chain-break fraction (mean over reads, and per read).
public struct EmbeddedSampler: Sampler {
    public let inner: any Sampler
    public let embedding: Embedding
    /// The chain strength; nil for uniform torque compensation of each model sampled.
    public let chainStrength: Double?
    public let decode: ChainBreakMethod

    public init(inner: any Sampler, embedding: Embedding, chainStrength: Double? = nil, decode: ChainBreakMethod = .majority) throws {
        if let c = chainStrength, !(c.isFinite && c >= 0) {
            throw IsingError("chain_strength must be a non-negative number, got \(c)")
        }
        self.inner = inner; self.embedding = embedding; self.chainStrength = chainStrength; self.decode = decode
    }

    public var name: String { "embedded" }
    public var settings: [(String, String)] {
        [("sampler", inner.name), ("qubits", String(embedding.qubitCount)), ("max_chain", String(embedding.maxChainLength)),
         ("chain_strength", chainStrength.map { "\($0)" } ?? "auto"), ("decode", decode.rawValue)]
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        var logical = BinaryQuadraticModel(vartype: .spin)
        for (i, l) in model.labels.enumerated() { logical.addLinear(l, model.h[i]) }
        for (i, j, b) in model.edges { logical.addQuadratic(index: i, index: j, b) }
        logical.offset = model.offset
        let strength = chainStrength ?? Embedding.uniformTorqueCompensation(logical)
        let physical = try embedding.embed(logical, chainStrength: strength)
        let spin = physical.spinModel()
        var innerRequest = request
        if let initial = request.initial, model.count > 0 {
            innerRequest.initial = try encodeInitial(initial, model: model, qubits: spin.labels)
        }
        let raw = try inner.sample(spin, innerRequest)
        let qubitSamples = SampleSet(variables: spin.labels, vartype: .spin, states: raw.states, energies: raw.energies)
        let breaks = try embedding.chainBreakFractionPerSample(qubitSamples)
        let decoded = try embedding.unembed(qubitSamples, method: decode, seed: request.seed ^ 0x5DEE_CE66_D1CE_5EED,
                                            variables: model.labels, logical: logical)
        var info: [(String, InfoValue)] = [("inner_sampler", .string(inner.name)), ("chain_strength", .double(strength)),
                                           ("qubits", .int(embedding.qubitCount)),
                                           ("chain_break_fraction", .double(breaks.isEmpty ? 0 : breaks.reduce(0, +) / Double(breaks.count))),
                                           ("chain_break_fractions", .doubles(breaks))]
        if decode == .discard { info.append(("discarded", .int(qubitSamples.size - decoded.size))) }
        info.append(contentsOf: raw.info.filter { $0.0 != "sampler" })
        return SpinSamples(states: decoded.states, energies: decoded.energies, info: info)
    }

    /// Logical starting states (rows over the model's spins) copied onto the qubits.
    private func encodeInitial(_ initial: [Int8], model: SpinModel, qubits: [Label]) throws -> [Int8] {
        let n = model.count
        let rows = initial.count / n
        var out: [Int8] = []
        var column = [Label: Int]()
        for (i, l) in qubits.enumerated() { column[l] = i }
        for r in 0..<rows {
            var row = [Int8](repeating: 1, count: qubits.count)
            for (i, l) in model.labels.enumerated() {
                guard let v = embedding.source.index(of: l) else { continue }
                for q in embedding.chains[v] { if let c = column[embedding.target.nodes[q]] { row[c] = initial[r * n + i] } }
            }
            out.append(contentsOf: row)
        }
        return out
    }
}
