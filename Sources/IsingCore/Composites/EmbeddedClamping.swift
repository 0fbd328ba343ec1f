extension EmbeddedSampler: ClampForwarding {
    /// Clamping a logical variable of an embedded problem with a strong field programs that
    /// field on every qubit of its chain (seed 004's reconstruction), rather than on the
    /// logical variable, whose field the embedding would split across the chain. Exact
    /// conditioning stays logical.
    public func forwardingClamps(_ values: [(Label, Int8)], strength: Double?) -> (any Sampler)? {
        guard let strength else { return nil }
        var qubits: [(Label, Int8)] = []
        for (label, v) in values {
            guard let i = embedding.source.index(of: label), i < embedding.chains.count else { return nil }
            for q in embedding.chains[i] where q < embedding.target.nodes.count { qubits.append((embedding.target.nodes[q], v)) }
        }
        guard let clamped = try? ClampedSampler(inner: inner, values: qubits, strength: strength) else { return nil }
        return try? EmbeddedSampler(inner: clamped, embedding: embedding, chainStrength: chainStrength, decode: decode)
    }
}
