import IsingCore

extension BuiltinRegistry {
    /// Visible Boltzmann machines and training loops.
    static func registerTraining(into r: inout BuiltinRegistry) {
    }
}
