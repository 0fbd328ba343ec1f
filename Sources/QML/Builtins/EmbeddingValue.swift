import IsingCore

/// A minor embedding as a language value (made by `find_embedding` and `clique_embedding`).
final class EmbeddingValue: NativeValue {
    let embedding: Embedding
    init(_ embedding: Embedding) { self.embedding = embedding }

    override var typeName: String { "Embedding" }
    override var summary: String {
        "Embedding(\(embedding.source.nodeCount) nodes -> \(embedding.qubitCount) qubits, max chain \(embedding.maxChainLength))"
    }
}
