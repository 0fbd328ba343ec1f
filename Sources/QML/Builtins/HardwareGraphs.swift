import IsingCore

extension BuiltinRegistry {
    /// Hardware graphs: chimera, pegasus, zephyr, dead_qubits, draw.
    static func registerHardwareGraphs(into r: inout BuiltinRegistry) {
    }
}
