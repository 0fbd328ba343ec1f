/// Assembles a hardware graph from linear labels: nodes ascending, edges sorted, each
/// node's coordinates stored, and the topology recorded.
struct HardwareGraphBuilder {
    let topology: HardwareTopology
    /// For each linear label, whether the qubit exists.
    private var present: [Bool]
    private var pairs: [(Int, Int)] = []

    init(_ topology: HardwareTopology) {
        self.topology = topology
        present = [Bool](repeating: false, count: topology.labelCount)
    }

    /// Adds a coupler between two linear labels (both become qubits).
    mutating func couple(_ a: Int, _ b: Int) {
        present[a] = true
        present[b] = true
        pairs.append(a < b ? (a, b) : (b, a))
    }

    /// Adds a qubit that may have no couplers.
    mutating func addQubit(_ a: Int) { present[a] = true }

    /// The finished graph.
    func graph() -> Graph {
        var g = Graph()
        g.name = topology.description
        g.topology = topology
        var index = [Int](repeating: -1, count: present.count)
        var coordinates: [[Int]] = []
        for label in present.indices where present[label] {
            index[label] = g.addNode(.int(label))
            coordinates.append(topology.coordinates(of: label) ?? [])
        }
        let sorted = pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        for (a, b) in sorted { g.addEdge(index: index[a], index: index[b]) }
        g.coordinates = coordinates
        g.cacheAdjacency()
        return g
    }
}

/// The D-Wave hardware lattices: Chimera, Pegasus and Zephyr, numbered as D-Wave's
/// tools number them, and the graphs of the processors the device model imitates.
public enum HardwareGraphs {
    /// Checks that a size parameter lies in `range`.
    static func check(_ value: Int, _ name: String, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw IsingError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
    }
}
