import IsingCore

extension BuiltinRegistry {
    /// Minor embedding: find_embedding, clique_embedding, embed, unembed.
    static func registerEmbeddings(into r: inout BuiltinRegistry) {
    }
}
