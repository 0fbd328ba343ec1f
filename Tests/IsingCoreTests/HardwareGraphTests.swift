import Foundation
import XCTest
@testable import IsingCore

/// Chimera, Pegasus and Zephyr graphs against the graphs dwave-networkx builds (fixture files
/// under Fixtures/, made by make_hardware_fixtures.py), the published counting formulas,
/// coordinates, and dead qubits.
final class HardwareGraphTests: XCTestCase {
    /// One graph as dwave-networkx built it.
    struct Fixture {
        var nodes: [Int]
        var edges: Set<[Int]>
        var coordinates: [[Int]]
        var counts: [(args: [Int], nodes: Int, edges: Int)]
    }

    func fixture(_ name: String) throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        let doc = try XCTUnwrap(object as? [String: Any])
        let nodes = try XCTUnwrap(doc["nodes"] as? [Int])
        let edges = try XCTUnwrap(doc["edges"] as? [[Int]])
        let coordinates = try XCTUnwrap(doc["coordinates"] as? [[Int]])
        var counts: [(args: [Int], nodes: Int, edges: Int)] = []
        for row in (doc["counts"] as? [[String: Any]]) ?? [] {
            counts.append((try XCTUnwrap(row["args"] as? [Int]), try XCTUnwrap(row["nodes"] as? Int), try XCTUnwrap(row["edges"] as? Int)))
        }
        return Fixture(nodes: nodes, edges: Set(edges), coordinates: coordinates, counts: counts)
    }

    /// The graph's integer labels, its edges as sorted label pairs, and its coordinates.
    func parts(_ g: Graph) throws -> (nodes: [Int], edges: Set<[Int]>, coordinates: [[Int]]) {
        let labels = g.nodes.map { label -> Int in
            if case .int(let i) = label { return i }
            XCTFail("label \(label) is not an integer")
            return -1
        }
        let edges = Set(g.edges.map { [min(labels[$0.0], labels[$0.1]), max(labels[$0.0], labels[$0.1])] })
        return (labels, edges, try XCTUnwrap(g.coordinates))
    }

    func assertMatches(_ g: Graph, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try fixture(name)
        let got = try parts(g)
        XCTAssertEqual(got.nodes, expected.nodes, "nodes of \(g.name)", file: file, line: line)
        XCTAssertEqual(got.edges.count, expected.edges.count, "edge count of \(g.name)", file: file, line: line)
        XCTAssertEqual(got.edges.subtracting(expected.edges).sorted { $0.lexicographicallyPrecedes($1) }.prefix(5), [],
                       "edges of \(g.name) that dwave-networkx does not have", file: file, line: line)
        XCTAssertEqual(expected.edges.subtracting(got.edges).sorted { $0.lexicographicallyPrecedes($1) }.prefix(5), [],
                       "edges of dwave-networkx missing from \(g.name)", file: file, line: line)
        XCTAssertEqual(got.coordinates, expected.coordinates, "coordinates of \(g.name)", file: file, line: line)
    }

    // MARK: Against dwave-networkx

    func testChimeraMatchesDwaveNetworkx() throws {
        try assertMatches(try HardwareGraphs.chimera(2, 2, t: 4), "hardware_chimera_2_2_4.json")
        try assertMatches(try HardwareGraphs.chimera(2, 3, t: 3), "hardware_chimera_2_3_3.json")
        for row in try fixture("hardware_chimera_2_2_4.json").counts {
            let g = try HardwareGraphs.chimera(row.args[0], row.args[1], t: row.args[2])
            XCTAssertEqual(g.nodeCount, row.nodes, "nodes of \(g.name)")
            XCTAssertEqual(g.edgeCount, row.edges, "edges of \(g.name)")
        }
    }

    func testPegasusMatchesDwaveNetworkx() throws {
        try assertMatches(try HardwareGraphs.pegasus(2), "hardware_pegasus_2.json")
        try assertMatches(try HardwareGraphs.pegasus(3), "hardware_pegasus_3.json")
        try assertMatches(try HardwareGraphs.pegasus(4), "hardware_pegasus_4.json")
        let counts = try fixture("hardware_pegasus_2.json").counts
        XCTAssertEqual(counts.count, 15)
        for row in counts {
            let g = try HardwareGraphs.pegasus(row.args[0])
            XCTAssertEqual(g.nodeCount, row.nodes, "nodes of \(g.name)")
            XCTAssertEqual(g.edgeCount, row.edges, "edges of \(g.name)")
        }
    }

    func testZephyrMatchesDwaveNetworkx() throws {
        try assertMatches(try HardwareGraphs.zephyr(1, t: 2), "hardware_zephyr_1_2.json")
        try assertMatches(try HardwareGraphs.zephyr(2, t: 4), "hardware_zephyr_2_4.json")
        try assertMatches(try HardwareGraphs.zephyr(3, t: 2), "hardware_zephyr_3_2.json")
        let counts = try fixture("hardware_zephyr_1_2.json").counts
        XCTAssertEqual(counts.count, 36)
        for row in counts {
            let g = try HardwareGraphs.zephyr(row.args[0], t: row.args[1])
            XCTAssertEqual(g.nodeCount, row.nodes, "nodes of \(g.name)")
            XCTAssertEqual(g.edgeCount, row.edges, "edges of \(g.name)")
        }
    }

    // MARK: Published formulas and processor sizes

    /// The largest degree of `g` (computed from one adjacency).
    func maxDegree(_ g: Graph) -> Int? {
        let a = g.adjacency
        return (0..<g.nodeCount).map { a.rowStart[$0 + 1] - a.rowStart[$0] }.max()
    }

    func testChimeraCountsFollowTheFormula() throws {
        for (m, n, t) in [(1, 1, 1), (1, 5, 4), (3, 2, 4), (12, 12, 4), (16, 16, 4), (4, 7, 8)] {
            let g = try HardwareGraphs.chimera(m, n, t: t)
            XCTAssertEqual(g.nodeCount, m * n * 2 * t)
            XCTAssertEqual(g.edgeCount, m * n * t * t + (m - 1) * n * t + m * (n - 1) * t)
        }
        XCTAssertEqual(try HardwareGraphs.preset("C12").nodeCount, 1152)
        XCTAssertEqual(try HardwareGraphs.preset("C16").nodeCount, 2048)
        XCTAssertEqual(try HardwareGraphs.preset("c16").edgeCount, 6016)
    }

    func testPegasusCountsFollowTheFormula() throws {
        for m in 2...16 {
            let g = try HardwareGraphs.pegasus(m)
            XCTAssertEqual(g.nodeCount, 24 * m * (m - 1) - 8 * (m - 1), "pegasus(\(m))")
            // Fitted to dwave-networkx's counts for m = 2...16 (fabric only, standard offsets).
            XCTAssertEqual(g.edgeCount, 180 * (m - 1) * (m - 1) - 16, "pegasus(\(m))")
            XCTAssertEqual(maxDegree(g), m == 2 ? 13 : m == 3 ? 14 : 15, "pegasus(\(m))")  // as dwave-networkx
        }
        let p16 = try HardwareGraphs.preset("P16")
        XCTAssertEqual(p16.nodeCount, 5640)
        XCTAssertEqual(p16.edgeCount, 40484)
        XCTAssertEqual(p16.connectedComponents().count, 1)
    }

    func testZephyrCountsFollowTheFormula() throws {
        for m in 1...8 {
            for t in [1, 2, 4] {
                let g = try HardwareGraphs.zephyr(m, t: t)
                XCTAssertEqual(g.nodeCount, 4 * t * m * (2 * m + 1))
                let edges = m == 1 ? 2 * t * (8 * t + 3) : 2 * t * ((8 * t + 8) * m * m - 2 * m - 3)
                XCTAssertEqual(g.edgeCount, edges, "zephyr(\(m), \(t))")
                // The bound 4t + 4 is reached once the lattice has an inner track (m ≥ 3).
                if m >= 3 { XCTAssertEqual(maxDegree(g), 4 * t + 4) }
            }
        }
        let z12 = try HardwareGraphs.preset("Z12")
        XCTAssertEqual(z12.nodeCount, 4800)
        XCTAssertEqual(z12.edgeCount, 45864)
    }

    // MARK: Specific qubits and couplers

    func testSpecificLabelsAndCouplers() throws {
        let c = try HardwareGraphs.chimera(16)
        // Qubit (i, j, u, k) = (1, 2, 1, 3) is ((1·16 + 2)·2 + 1)·4 + 3 = 151.
        XCTAssertEqual(c.topology?.label(of: [1, 2, 1, 3]), 151)
        func joined(_ g: Graph, _ a: Int, _ b: Int) -> Bool {
            guard let u = g.index(of: .int(a)), let v = g.index(of: .int(b)) else { return false }
            return g.hasEdge(u, v)
        }
        XCTAssertTrue(joined(c, 0, 4))      // inside cell (0, 0)
        XCTAssertTrue(joined(c, 0, 128))    // vertical qubit to the cell below
        XCTAssertTrue(joined(c, 4, 12))     // horizontal qubit to the cell on the right
        XCTAssertFalse(joined(c, 0, 1))     // same shore
        let p = try HardwareGraphs.pegasus(16)
        // Fabric edges of qubit 0..3 (u = 0, w = 0, k = 0): not in the fabric.
        XCTAssertNil(p.index(of: .int(0)))
        XCTAssertEqual(p.nodes.first, .int(30))
        XCTAssertEqual(p.topology?.coordinates(of: 30), [0, 0, 2, 0])
        XCTAssertTrue(joined(p, 30, 31))    // external: (0,0,2,0)–(0,0,2,1)
        XCTAssertTrue(joined(p, 30, 45))    // odd: (0,0,2,0)–(0,0,3,0)
        let z = try HardwareGraphs.zephyr(4)
        XCTAssertEqual(z.topology?.label(of: [1, 8, 3, 1, 3]), 575)
        XCTAssertEqual(z.nodes.last, .int(575))
        XCTAssertTrue(joined(z, 0, 4))      // odd: (0,0,0,0,0)–(0,0,0,1,0)
    }

    // MARK: Coordinates

    func testCoordinatesRoundTrip() throws {
        for g in [try HardwareGraphs.chimera(3, 5, t: 2), try HardwareGraphs.pegasus(5), try HardwareGraphs.zephyr(3, t: 3)] {
            let topology = try XCTUnwrap(g.topology)
            let coordinates = try XCTUnwrap(g.coordinates)
            XCTAssertEqual(coordinates.count, g.nodeCount)
            for (i, label) in g.nodes.enumerated() {
                guard case .int(let l) = label else { return XCTFail("\(label) is not an integer") }
                XCTAssertEqual(topology.coordinates(of: l), coordinates[i])
                XCTAssertEqual(topology.label(of: coordinates[i]), l)
            }
            XCTAssertNil(topology.coordinates(of: -1))
            XCTAssertNil(topology.coordinates(of: topology.labelCount))
            XCTAssertNil(topology.label(of: [0, 0]))
        }
        XCTAssertEqual(try HardwareGraphs.chimera(16).name, "chimera(16)")
        XCTAssertEqual(try HardwareGraphs.chimera(4, 8, t: 2).name, "chimera(4, 8, 2)")
        XCTAssertEqual(try HardwareGraphs.zephyr(4, t: 2).name, "zephyr(4, 2)")
        XCTAssertEqual(try HardwareGraphs.pegasus(6).topology, HardwareTopology(family: .pegasus, m: 6, n: 6, t: 12))
    }

    // MARK: Layout

    func testEveryQubitHasItsOwnPlaceInTheLayout() throws {
        for g in [try HardwareGraphs.chimera(16), try HardwareGraphs.chimera(3, 5, t: 2), try HardwareGraphs.pegasus(16),
                  try HardwareGraphs.pegasus(2), try HardwareGraphs.zephyr(12), try HardwareGraphs.zephyr(1, t: 1)] {
            let topology = try XCTUnwrap(g.topology)
            let layout = HardwareLayout(topology)
            var seen = Set<Int>()
            let columns = layout.cellCols * (layout.cellWidth + 1), rows = layout.cellRows * (layout.cellHeight + 1)
            for c in try XCTUnwrap(g.coordinates) {
                let p = try XCTUnwrap(layout.place(c), "\(g.name): no place for \(c)")
                XCTAssertTrue(p.x >= 0 && p.x < columns && p.y >= 0 && p.y < rows, "\(g.name): \(c) at \(p)")
                XCTAssertTrue(p.x % (layout.cellWidth + 1) < layout.cellWidth && p.y % (layout.cellHeight + 1) < layout.cellHeight,
                              "\(g.name): \(c) in the gap between cells")
                XCTAssertEqual(p.vertical, c[topology.family == .chimera ? 2 : 0] == 0)
                XCTAssertTrue(seen.insert(p.y * columns + p.x).inserted, "\(g.name): two qubits at \(p)")
            }
            XCTAssertNil(layout.place([9, 9, 9, 9, 9]))
        }
        // Chimera cell (1, 2) of chimera(16): vertical qubits on row 3, horizontal ones on row 4.
        let layout = HardwareLayout(HardwareTopology(family: .chimera, m: 16, n: 16, t: 4))
        XCTAssertEqual(layout.place([1, 2, 0, 3]), HardwareLayout.Place(x: 13, y: 3, vertical: true))
        XCTAssertEqual(layout.place([1, 2, 1, 0]), HardwareLayout.Place(x: 10, y: 4, vertical: false))
    }

    // MARK: Dead qubits and removals

    func testDeadQubitsAreSeededAndRemembered() throws {
        let c = try HardwareGraphs.chimera(4)
        let a = try HardwareGraphs.deadQubits(c, count: 10, seed: 3)
        let b = try HardwareGraphs.deadQubits(c, count: 10, seed: 3)
        let other = try HardwareGraphs.deadQubits(c, count: 10, seed: 4)
        XCTAssertEqual(a.removedNodes, b.removedNodes)
        XCTAssertNotEqual(a.removedNodes, other.removedNodes)
        XCTAssertEqual(a.removedNodes.count, 10)
        XCTAssertEqual(Set(a.removedNodes).count, 10)
        XCTAssertEqual(a.nodeCount, 118)
        XCTAssertEqual(a.topology, c.topology)
        for dead in a.removedNodes { XCTAssertNil(a.index(of: dead)) }
        // Every coupler of the original that avoids the dead qubits is kept.
        let deadSet = Set(a.removedNodes)
        let kept = c.edges.filter { !deadSet.contains(c.nodes[$0.0]) && !deadSet.contains(c.nodes[$0.1]) }
        XCTAssertEqual(a.edgeCount, kept.count)
        // Coordinates follow the surviving qubits.
        for (i, label) in a.nodes.enumerated() {
            guard case .int(let l) = label else { return XCTFail() }
            XCTAssertEqual(a.coordinates?[i], c.topology?.coordinates(of: l))
        }
        // Removing more accumulates.
        let more = try HardwareGraphs.deadQubits(a, count: 2, seed: 1)
        XCTAssertEqual(more.removedNodes.count, 12)
        XCTAssertEqual(Array(more.removedNodes.prefix(10)), a.removedNodes)
        XCTAssertThrowsError(try HardwareGraphs.deadQubits(c, count: 129, seed: 1))
        XCTAssertThrowsError(try HardwareGraphs.deadQubits(c, count: -1, seed: 1))
        XCTAssertEqual(try HardwareGraphs.deadQubits(c, count: 0, seed: 1).nodeCount, 128)
    }

    func testRemovingCouplersKeepsQubitsAndTopology() throws {
        let c = try HardwareGraphs.chimera(2)
        let g = c.withoutEdges([(.int(0), .int(4)), (.int(4), .int(0)), (.int(0), .int(1))])
        XCTAssertEqual(g.nodeCount, c.nodeCount)
        XCTAssertEqual(g.edgeCount, c.edgeCount - 1)
        XCTAssertEqual(g.topology, c.topology)
        XCTAssertEqual(g.coordinates ?? [], c.coordinates ?? [])
    }

    func testBadSizesAreErrors() {
        XCTAssertThrowsError(try HardwareGraphs.chimera(0))
        XCTAssertThrowsError(try HardwareGraphs.chimera(4, 4, t: 0))
        XCTAssertThrowsError(try HardwareGraphs.chimera(256, 256, t: 64))
        XCTAssertThrowsError(try HardwareGraphs.pegasus(1))
        XCTAssertThrowsError(try HardwareGraphs.zephyr(0))
        XCTAssertThrowsError(try HardwareGraphs.zephyr(128, t: 64))
        XCTAssertThrowsError(try HardwareGraphs.preset("C99"))
    }
}
