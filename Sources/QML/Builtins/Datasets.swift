import IsingCore

extension BuiltinRegistry {
    /// Datasets and their transforms.
    static func registerDatasets(into r: inout BuiltinRegistry) {
    }
}
