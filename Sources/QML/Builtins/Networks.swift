import IsingCore

extension BuiltinRegistry {
    /// Layers, optimisers, RBMs and Helmholtz machines.
    static func registerNetworks(into r: inout BuiltinRegistry) {
    }
}
