@testable import IsingCore

/// Hardware graphs for the embedding tests.
enum EmbeddingTestGraphs {
    /// The Chimera graph C(m) with D-Wave's numbering (empty if the size is refused).
    static func chimera(_ m: Int) -> Graph {
        (try? HardwareGraphs.chimera(m)) ?? Graph()
    }

    /// C(m) without `count` qubits chosen at random, as `dead_qubits(chimera(m), count, seed:)`.
    static func damagedChimera(_ m: Int, dead count: Int, seed: Int) -> Graph {
        (try? HardwareGraphs.deadQubits(chimera(m), count: count, seed: seed)) ?? Graph()
    }
}
