import XCTest
@testable import IsingCore

/// Native clique layouts in Pegasus and Zephyr: every embedding verifies, chains have the
/// native lengths (the published figures: K_{12(m−1)} in pegasus(m) with chains of m and
/// m + 1 qubits, K_{16m−8} in zephyr(m) with chains of m + 1), layouts avoid dead qubits
/// or are repaired, and too large cliques are refused.
final class LineCliqueTests: XCTestCase {
    func layout(_ g: Graph) throws -> LineCliqueLayout {
        guard let topology = g.topology else { throw IsingError("no topology") }
        return try LineCliqueLayout(topology)
    }

    func embed(_ n: Int, _ g: Graph, seed: UInt64 = 1) throws -> Embedding {
        var search = EmbeddingSearch()
        search.seed = seed; search.tries = 2; search.threads = 2
        return try layout(g).embed(clique: n, into: g, search: search)
    }

    /// Chain lengths on perfect Pegasus graphs, against the figures of D-Wave's own native
    /// clique embedder (busclique, minorminer 0.2.22) and the largest clique 12(m − 1).
    func testPegasusChainLengths() throws {
        let cases: [(m: Int, n: Int, shortest: Int, longest: Int)] = [
            (4, 10, 2, 2), (4, 36, 4, 5), (6, 30, 4, 4), (6, 60, 6, 7), (16, 50, 5, 6), (16, 100, 9, 10), (16, 180, 16, 17),
        ]
        for c in cases {
            let g = try HardwareGraphs.pegasus(c.m)
            let e = try embed(c.n, g)
            try e.verify()
            XCTAssertEqual(e.chains.count, c.n)
            XCTAssertEqual(e.minChainLength, c.shortest, "K\(c.n) in P\(c.m)")
            XCTAssertEqual(e.maxChainLength, c.longest, "K\(c.n) in P\(c.m)")
            XCTAssertEqual(try layout(g).largest, 12 * (c.m - 1))
        }
    }

    /// Chain lengths on perfect Zephyr graphs: K_{16m−8} with chains of m + 1.
    func testZephyrChainLengths() throws {
        let cases: [(m: Int, n: Int, length: Int)] = [
            (2, 10, 3), (2, 24, 3), (4, 30, 4), (4, 56, 5), (12, 50, 5), (12, 100, 8), (12, 184, 13),
        ]
        for c in cases {
            let g = try HardwareGraphs.zephyr(c.m)
            let e = try embed(c.n, g)
            try e.verify()
            XCTAssertEqual(e.minChainLength, c.length, "K\(c.n) in Z\(c.m)")
            XCTAssertEqual(e.maxChainLength, c.length, "K\(c.n) in Z\(c.m)")
            XCTAssertEqual(e.qubitCount, c.n * c.length)
            XCTAssertEqual(try layout(g).largest, 16 * c.m - 8)
        }
    }

    /// One past the largest native clique is refused, saying the largest.
    func testTooLargeCliqueIsRefused() throws {
        XCTAssertThrowsError(try embed(181, try HardwareGraphs.pegasus(16))) { error in
            XCTAssertEqual("\(error)", "K181 is larger than the largest native clique of pegasus(16), K180")
        }
        XCTAssertThrowsError(try embed(57, try HardwareGraphs.zephyr(4))) { error in
            XCTAssertEqual("\(error)", "K57 is larger than the largest native clique of zephyr(4), K56")
        }
    }

    /// The staircase search finds no larger clique than the stated largest, at any chain
    /// length, on small perfect lattices (every width tried).
    func testLargestIsTheLargest() throws {
        for g in [try HardwareGraphs.pegasus(4), try HardwareGraphs.zephyr(2), try HardwareGraphs.zephyr(3, t: 2)] {
            let l = try layout(g)
            let lines = l.lines(in: g)
            let staircase = CliqueStaircase(lines: lines)
            var most = 0
            for width in 1...min(lines.rows, lines.cols) {
                most = max(most, staircase.best(width: width, maxLength: 1000, damaged: false)?.whole ?? 0)
            }
            XCTAssertEqual(most, l.largest, "\(g.name)")
        }
    }

    /// Dead qubits: the result verifies; with a few dead qubits the chains keep (nearly)
    /// native lengths because a layout avoiding them exists.
    func testDeadQubitsAreAvoided() throws {
        let p = try HardwareGraphs.deadQubits(try HardwareGraphs.pegasus(6), count: 10, seed: 1)
        let e = try embed(40, p)
        try e.verify()
        XCTAssertLessThanOrEqual(e.maxChainLength, 7)
        let z = try HardwareGraphs.deadQubits(try HardwareGraphs.zephyr(4), count: 10, seed: 2)
        let f = try embed(40, z)
        try f.verify()
        XCTAssertLessThanOrEqual(f.maxChainLength, 6)
    }

    /// Many dead qubits at the largest sizes: the damaged chains are re-routed and the
    /// result verifies.
    func testLargestCliquesWithDeadQubitsVerify() throws {
        try XCTSkipIf(isDebugBuild, "slow unoptimised: run with swift test -c release")
        for (g, n) in [(try HardwareGraphs.pegasus(6), 50), (try HardwareGraphs.zephyr(4), 48)] {
            let damaged = try HardwareGraphs.deadQubits(g, count: 12, seed: 5)
            let e = try embed(n, damaged)
            try e.verify()
            XCTAssertEqual(e.chains.count, n)
        }
    }

    /// Qubits outside the lattice labels (a target that is not the lattice) leave the
    /// layout unaffected; the same input gives the same chains.
    func testSameInputSameChains() throws {
        let g = try HardwareGraphs.deadQubits(try HardwareGraphs.pegasus(8), count: 30, seed: 3)
        XCTAssertEqual(try embed(60, g).chains, try embed(60, g).chains)
    }

    /// Timing of the largest native cliques (printed, not asserted).
    func testSpeedOfLargeCliques() throws {
        try XCTSkipIf(isDebugBuild, "timing is meaningful in release builds only")
        let p16 = try HardwareGraphs.pegasus(16), z12 = try HardwareGraphs.zephyr(12)
        for (g, n) in [(p16, 100), (p16, 180), (z12, 100), (z12, 184)] {
            let t0 = Date()
            let e = try embed(n, g)
            print("K\(n) in \(g.name): \(e.qubitCount) qubits, chains \(e.minChainLength)-\(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
        }
        for (g, n) in [(p16, 100), (z12, 100)] {
            let damaged = try HardwareGraphs.deadQubits(g, count: 50, seed: 1)
            let t0 = Date()
            let e = try embed(n, damaged)
            print("K\(n) in \(damaged.name): \(e.qubitCount) qubits, chains \(e.minChainLength)-\(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
        }
    }
}
