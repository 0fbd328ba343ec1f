import XCTest
@testable import IsingCore

/// The shake of stuck states and the re-route searches spread over threads: shaken states
/// are embeddings (or the state is left as it was), and the chains do not depend on the
/// number of threads.
final class EmbeddingShakeTests: XCTestCase {
    /// K20 in a C12 without 40 qubits: 19 searches over 1112 nodes per re-route, enough
    /// for the searches to be spread over threads.
    func damagedC12() -> Graph { EmbeddingTestGraphs.damagedChimera(12, dead: 40, seed: 2) }

    func embedding(_ n: Int, _ target: Graph, seed: UInt64) throws -> (Graph, [[Int32]]) {
        let source = try GraphGenerators.complete(n)
        var s = EmbeddingSearch()
        s.seed = seed
        s.nativeCliques = false
        s.tries = 4
        let e = try s.run(source: source, target: target)
        return (source, e.chains.map { $0.map(Int32.init) })
    }

    func testShakeLeavesAnEmbeddingOrPutsEverythingBack() throws {
        let target = damagedC12()
        let (source, chains) = try embedding(20, target, seed: 3)
        var changedAny = false
        for count in [1, 2, 5, 20] {
            var router = ChainRouter(source: source, target: target, seed: UInt64(count))
            for (v, chain) in chains.enumerated() { router.setChain(v, chain) }
            var owner = router.owners()
            let changed = router.shake(owner: &owner, count: count)
            let e = Embedding(source: source, target: target, chains: router.chains.map { $0.map(Int.init) })
            XCTAssertNoThrow(try e.verify(), "count \(count)")
            XCTAssertEqual(owner, router.owners(), "owners kept up to date, count \(count)")
            if !changed { XCTAssertEqual(router.chains, chains, "count \(count)") }
            changedAny = changedAny || changed
        }
        XCTAssertTrue(changedAny, "some shake moved the chains")
    }

    func testSpreadSearchesGiveTheSameChains() throws {
        let target = damagedC12()
        let (source, chains) = try embedding(20, target, seed: 5)
        var results: [[[Int32]]] = []
        for workers in [1, 2, 4] {
            var router = ChainRouter(source: source, target: target, seed: 9, workers: workers)
            XCTAssertEqual(router.workers, workers)
            for (v, chain) in chains.enumerated() { router.setChain(v, chain) }
            // Routing with sharing (Dijkstra) and without (breadth-first search).
            for v in 0..<source.nodeCount { router.reroute(v, base: 100, exclusive: false) }
            for v in 0..<source.nodeCount { router.reroute(v, base: 1, exclusive: true, rootCandidates: 8, rootSlack: 1) }
            results.append(router.chains)
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }

    func testSearchGivesTheSameEmbeddingWhateverTheThreads() throws {
        try XCTSkipIf(isDebugBuild, "slow unoptimised: run with swift test -c release")
        // K40 fills the whole C10, so dead qubits break the native layout: the search
        // starts from the mended layout and re-routes, with 39 searches per re-route.
        let source = try GraphGenerators.complete(40)
        let target = EmbeddingTestGraphs.damagedChimera(10, dead: 25, seed: 4)
        guard case .mended? = EmbeddingSearch().nativeCliqueStart(source: source, target: target) else {
            return XCTFail("expected a mended native start")
        }
        var results: [[[Int]]] = []
        for threads in [1, 2, 3] {
            var s = EmbeddingSearch()
            s.seed = 21
            s.threads = threads
            let e = try s.run(source: source, target: target)
            XCTAssertNoThrow(try e.verify())
            results.append(e.chains)
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }
}
