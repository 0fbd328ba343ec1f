import XCTest
@testable import IsingCore

/// Where the search starts: given chains (kept when valid, repaired when not), the native
/// clique layout for complete graphs on whole Chimera placements, and the radix queue the
/// shortest-path searches use.
final class EmbeddingSearchStartTests: XCTestCase {
    func pathGraph(_ n: Int) throws -> Graph {
        try Graph(nodes: (0..<n).map { .int($0) }, edges: (0..<(n - 1)).map { (.int($0), .int($0 + 1)) })
    }

    func testValidInitialChainsAreKept() throws {
        // A path on a path of the same length: the only embeddings are the identity and
        // its reverse, so a search that starts from the reverse must return it.
        let source = try pathGraph(3), target = try pathGraph(3)
        for seed in [1, 2, 3, 4] as [UInt64] {
            var s = EmbeddingSearch()
            s.seed = seed
            s.tries = 2
            s.initialChains = [[2], [1], [0]]
            XCTAssertEqual(try s.run(source: source, target: target).chains, [[2], [1], [0]])
        }
    }

    func testBrokenInitialChainsAreRepaired() throws {
        let target = EmbeddingTestGraphs.chimera(4)
        let source = try GraphGenerators.complete(8)
        var start = try ChimeraCliqueLayout(m: 4, n: 4, t: 4).embed(clique: 8, into: target, search: EmbeddingSearch()).chains
        start[0] = []                                  // not placed
        start[1].remove(at: start[1].count / 2)        // no longer connected
        start[2] = start[3]                            // shares every qubit with chain 3
        var s = EmbeddingSearch()
        s.seed = 5
        s.tries = 2
        s.initialChains = start
        let e = try s.run(source: source, target: target)
        XCTAssertNoThrow(try e.verify())
    }

    func testInitialChainsOutsideTheTargetAreRefused() throws {
        var s = EmbeddingSearch()
        s.initialChains = [[0], [7]]
        XCTAssertThrowsError(try s.run(source: try pathGraph(2), target: try pathGraph(3))) { error in
            XCTAssertEqual("\(error)", "initial chains use target node index 7, outside 0..<3")
        }
    }

    func testCompleteGraphOnWholeChimeraGetsTheNativeLayout() throws {
        var s = EmbeddingSearch()
        s.seed = 3
        let e = try s.run(source: try GraphGenerators.complete(60), target: EmbeddingTestGraphs.chimera(16))
        XCTAssertNoThrow(try e.verify())
        XCTAssertEqual(e.qubitCount, 960)
        XCTAssertEqual(Set(e.chains.map(\.count)), [16])
    }

    func testNativeLayoutCanBeTurnedOff() throws {
        var s = EmbeddingSearch()
        s.seed = 3
        s.tries = 2
        s.nativeCliques = false
        let e = try s.run(source: try GraphGenerators.complete(8), target: EmbeddingTestGraphs.chimera(4))
        XCTAssertNoThrow(try e.verify())
        // With it, every chain has ceil(8 / 4) + 1 = 3 qubits.
        var layout = s
        layout.nativeCliques = true
        XCTAssertEqual(Set(try layout.run(source: try GraphGenerators.complete(8), target: EmbeddingTestGraphs.chimera(4)).chains.map(\.count)), [3])
    }

    func testRadixQueuePopsInOrderOfCost() {
        // Dijkstra-like use: costs pushed are never below the last popped one.
        var rng = Xoshiro256(seed: 11)
        let heap = NodeHeap(capacity: 500)
        var popped: [Double] = []
        var next = 0
        var last = 0.0
        heap.push(0, 0); next = 1
        while !heap.isEmpty {
            let (d, _) = heap.pop()
            popped.append(d)
            last = d
            for _ in 0..<3 where next < 500 {
                heap.push(last + Double(rng.nextInt(below: 40)), Int32(next))
                next += 1
            }
        }
        XCTAssertEqual(popped.count, 500)
        XCTAssertEqual(popped, popped.sorted())
    }
}
