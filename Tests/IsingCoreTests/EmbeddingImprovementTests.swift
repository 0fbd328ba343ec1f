import XCTest
@testable import IsingCore

/// The native start on damaged Chimera chips and the chain-shortening steps: results
/// verify, never get worse than where they started, and do not depend on the seed's luck
/// with threads.
final class EmbeddingImprovementTests: XCTestCase {
    /// C(6) without 16 qubits: no placement of the K20 layout keeps every chain whole.
    func damagedC6() -> Graph { EmbeddingTestGraphs.damagedChimera(6, dead: 16, seed: 1) }

    func testDamagedChipStartsFromMendedNativeLayout() throws {
        let source = try GraphGenerators.complete(20), target = damagedC6()
        guard case .mended(let chains)? = EmbeddingSearch().nativeCliqueStart(source: source, target: target) else {
            return XCTFail("expected a mended native start: no placement of K20 avoids the dead qubits")
        }
        XCTAssertEqual(chains.count, 20)
        var s = EmbeddingSearch()
        s.seed = 4
        s.tries = 4
        s.threads = 2
        let e = try s.run(source: source, target: target)
        XCTAssertNoThrow(try e.verify())
    }

    func testSameSeedSameChainsWhateverTheThreads() throws {
        let source = try GraphGenerators.complete(20), target = damagedC6()
        var results: [[[Int]]] = []
        for threads in [1, 2, 3] {
            var s = EmbeddingSearch()
            s.seed = 11
            s.tries = 4
            s.threads = threads
            results.append(try s.run(source: source, target: target).chains)
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }

    func testNoNativeStartForOtherSources() throws {
        let start = EmbeddingSearch().nativeCliqueStart(source: try GraphGenerators.randomRegular(12, 3, seed: 1), target: damagedC6())
        XCTAssertNil(start)
        XCTAssertNil(EmbeddingSearch().nativeCliqueStart(source: try GraphGenerators.complete(5), target: try GraphGenerators.grid(6, 6, periodic: false)))
    }

    /// A valid but wasteful start: the native layout of K8 in C(4) with every chain
    /// lengthened by free qubits next to it.
    func paddedStart() throws -> (source: Graph, target: Graph, chains: [[Int32]]) {
        let target = EmbeddingTestGraphs.chimera(4)
        let source = try GraphGenerators.complete(8)
        var chains = try ChimeraCliqueLayout(m: 4, n: 4, t: 4).embed(clique: 8, into: target, search: EmbeddingSearch()).chains
        var used = Set(chains.joined())
        let adjacency = target.adjacency
        for v in chains.indices {
            for q in chains[v] {
                for e in adjacency.rowStart[q]..<adjacency.rowStart[q + 1] where !used.contains(Int(adjacency.neighbors[e])) {
                    let x = Int(adjacency.neighbors[e])
                    used.insert(x); chains[v].append(x)
                    break
                }
            }
        }
        return (source, target, chains.map { $0.map(Int32.init) })
    }

    func testShorteningNeverEndsWorseThanItStarts() throws {
        let (source, target, chains) = try paddedStart()
        XCTAssertTrue(Embedding(source: source, target: target, chains: chains.map { $0.map(Int.init) }).isValid)
        for seed in [1, 2, 3] as [UInt64] {
            var router = ChainRouter(source: source, target: target, seed: seed)
            for (v, chain) in chains.enumerated() { router.setChain(v, chain) }
            let before = (router.maxChain, router.qubitCount)
            var owner = router.owners()
            let result = router.shortenChains(owner: &owner, patience: 3, deadline: monotonicSeconds() + 60)
            let e = Embedding(source: source, target: target, chains: result.chains.map { $0.map(Int.init) })
            XCTAssertNoThrow(try e.verify())
            XCTAssertTrue((e.maxChainLength, e.qubitCount) <= before, "seed \(seed)")
            XCTAssertLessThan(e.qubitCount, before.1, "padding is removed")
        }
    }

    func testMoreRootCandidatesNeverGiveALongerChain() throws {
        let (source, target, chains) = try paddedStart()
        for v in 0..<source.nodeCount {
            var one = ChainRouter(source: source, target: target, seed: 7)
            for (u, chain) in chains.enumerated() { one.setChain(u, chain) }
            var several = one
            XCTAssertTrue(one.reroute(v, base: 1, exclusive: true))
            XCTAssertTrue(several.reroute(v, base: 1, exclusive: true, rootCandidates: 8, rootSlack: 1))
            XCTAssertLessThanOrEqual(several.chains[v].count, one.chains[v].count, "chain \(v)")
        }
    }
}
