import IsingCore

extension BuiltinRegistry {
    /// The annealer device model and composites.
    static func registerDevices(into r: inout BuiltinRegistry) {
    }
}
