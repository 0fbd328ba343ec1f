extension HardwareGraphs {
    /// A named processor graph and what it is.
    public struct Preset: Sendable {
        public let name: String
        public let description: String
        public let make: @Sendable () throws -> Graph
    }

    /// The processor graphs the device model offers, by name: C12 (1152 qubits, as on the
    /// D-Wave 2X), C16 (2048, as on the D-Wave 2000Q), P16 (5640, as on Advantage) and
    /// Z12 (4800, as on Advantage2), each with every qubit working.
    public static let presets: [Preset] = [
        Preset(name: "C12", description: "chimera(12): 1152 qubits, as on the D-Wave 2X") { try chimera(12) },
        Preset(name: "C16", description: "chimera(16): 2048 qubits, as on the D-Wave 2000Q") { try chimera(16) },
        Preset(name: "P16", description: "pegasus(16): 5640 qubits, as on the D-Wave Advantage") { try pegasus(16) },
        Preset(name: "Z12", description: "zephyr(12): 4800 qubits, as on the D-Wave Advantage2") { try zephyr(12) },
    ]

    /// The preset graph called `name` (case-insensitive).
    public static func preset(_ name: String) throws -> Graph {
        guard let p = presets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw IsingError("there is no hardware graph called '\(name)'; the presets are \(presets.map(\.name).joined(separator: ", "))")
        }
        return try p.make()
    }
}
