import IsingCore

extension BuiltinRegistry {
    /// Quantum samplers: schedules, sqa, qbm, exact_quantum.
    static func registerQuantumSamplers(into r: inout BuiltinRegistry) {
    }
}
