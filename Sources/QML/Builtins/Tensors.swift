import IsingCore

extension BuiltinRegistry {
    /// Dense tensors on BLAS.
    static func registerTensors(into r: inout BuiltinRegistry) {
    }
}
