import XCTest
@testable import IsingCore

/// Native clique layouts in Pegasus and Zephyr: every embedding verifies, chains are as
/// short as those of D-Wave's native clique embedder (K_{12(m−1)} in pegasus(m) with chains
/// of m and m + 1 qubits, K_{16m−8} in zephyr(m) with chains of m + 1), layouts avoid dead
/// qubits or are repaired, and too large cliques are refused.
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

    /// Perfect Pegasus graphs: the longest chain equals that of D-Wave's native clique
    /// embedder (busclique in minorminer 0.2.22, measured: K10 in P4 20 qubits, K20 60,
    /// K36 168, K30 in P6 114, K60 400, K50 in P16 290, K100 982, K150 2074, K180 3000) and
    /// no more qubits are used; the largest clique is K_{12(m−1)}.
    func testPegasusChainLengths() throws {
        let cases: [(m: Int, n: Int, longest: Int, qubits: Int)] = [
            (4, 10, 2, 20), (4, 20, 3, 60), (4, 36, 5, 168), (6, 30, 4, 114), (6, 60, 7, 400),
            (16, 50, 6, 290), (16, 100, 10, 982), (16, 150, 14, 2074), (16, 180, 17, 3000),
        ]
        for c in cases {
            let g = try HardwareGraphs.pegasus(c.m)
            let e = try embed(c.n, g)
            try e.verify()
            XCTAssertEqual(e.chains.count, c.n)
            XCTAssertEqual(e.maxChainLength, c.longest, "K\(c.n) in P\(c.m)")
            XCTAssertGreaterThanOrEqual(e.minChainLength, c.longest - 2, "K\(c.n) in P\(c.m)")
            XCTAssertLessThanOrEqual(e.qubitCount, c.qubits, "K\(c.n) in P\(c.m)")
            XCTAssertEqual(try layout(g).largest, 12 * (c.m - 1))
        }
        // Measured here: fewer qubits than busclique at the largest sizes.
        XCTAssertEqual(try embed(180, try HardwareGraphs.pegasus(16)).qubitCount, 2940)
    }

    /// Perfect Zephyr graphs: the same longest chain as busclique (measured: K10 in Z2 30
    /// qubits, K24 72, K30 in Z4 120, K56 280, K50 in Z12 250, K100 800, K184 2392; K10 in
    /// zephyr(3, 2) 30, K20 80) and no more qubits; the largest clique is K_{2t(2m−1)}
    /// (K_{16m−8} for t = 4), where every chain has m + 1 qubits.
    func testZephyrChainLengths() throws {
        let cases: [(m: Int, t: Int, n: Int, longest: Int, qubits: Int)] = [
            (2, 4, 10, 3, 30), (2, 4, 24, 3, 72), (4, 4, 30, 4, 120), (4, 4, 56, 5, 280),
            (12, 4, 50, 5, 250), (12, 4, 100, 8, 800), (12, 4, 184, 13, 2392), (3, 2, 10, 3, 30), (3, 2, 20, 4, 80),
        ]
        for c in cases {
            let g = try HardwareGraphs.zephyr(c.m, t: c.t)
            let e = try embed(c.n, g)
            try e.verify()
            XCTAssertEqual(e.maxChainLength, c.longest, "K\(c.n) in \(g.name)")
            XCTAssertLessThanOrEqual(e.qubitCount, c.qubits, "K\(c.n) in \(g.name)")
            XCTAssertEqual(try layout(g).largest, 2 * c.t * (2 * c.m - 1))
        }
        for m in [2, 4, 12] {
            let e = try embed(16 * m - 8, try HardwareGraphs.zephyr(m))
            XCTAssertEqual(e.minChainLength, m + 1)
            XCTAssertEqual(e.maxChainLength, m + 1)
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
        let lattices = [try HardwareGraphs.pegasus(2), try HardwareGraphs.pegasus(3), try HardwareGraphs.pegasus(4),
                        try HardwareGraphs.zephyr(1), try HardwareGraphs.zephyr(1, t: 2), try HardwareGraphs.zephyr(2),
                        try HardwareGraphs.zephyr(3, t: 2), try HardwareGraphs.zephyr(2, t: 1)]
        // busclique's largest cliques on these (measured): 10, 24, 36, 8, 4, 24, 20, 6.
        XCTAssertEqual(try lattices.map { try layout($0).largest }, [10, 24, 36, 8, 4, 24, 20, 6])
        for g in lattices {
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

    /// Dead qubits at the largest sizes, where no layout avoids them: the damaged chains
    /// are mended and the result verifies.
    func testLargestCliquesWithDeadQubitsVerify() throws {
        try XCTSkipIf(isDebugBuild, "slow unoptimised: run with swift test -c release")
        let cases = [(try HardwareGraphs.pegasus(6), 60, 5), (try HardwareGraphs.pegasus(16), 180, 20),
                     (try HardwareGraphs.zephyr(4), 56, 5), (try HardwareGraphs.zephyr(12), 184, 20)]
        for (g, n, dead) in cases {
            let damaged = try HardwareGraphs.deadQubits(g, count: dead, seed: 1)
            let t0 = Date()
            let e = try embed(n, damaged)
            print("K\(n) in \(damaged.name): \(e.qubitCount) qubits, chains \(e.minChainLength)-\(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
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
        for (g, n, dead) in [(p16, 100, 50), (z12, 100, 50), (p16, 150, 50), (z12, 150, 100)] {
            let damaged = try HardwareGraphs.deadQubits(g, count: dead, seed: 1)
            let t0 = Date()
            let e = try embed(n, damaged)
            print("K\(n) in \(damaged.name): \(e.qubitCount) qubits, chains \(e.minChainLength)-\(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
        }
    }
}
