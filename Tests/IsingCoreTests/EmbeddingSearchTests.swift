import XCTest
@testable import IsingCore

/// The heuristic search: every embedding it returns verifies, it is the same for the same
/// seed, it embeds the cliques of the seed papers, and it fails with a reason.
final class EmbeddingSearchTests: XCTestCase {
    func search(_ source: Graph, _ target: Graph, seed: UInt64 = 1, tries: Int = 4) throws -> Embedding {
        var s = EmbeddingSearch()
        s.seed = seed
        s.tries = tries
        s.threads = 2
        return try s.run(source: source, target: target)
    }

    func testSmallCliquesEmbedIntoChimera() throws {
        let target = EmbeddingTestGraphs.chimera(4)
        for n in [2, 5, 8, 12] {
            let e = try search(try GraphGenerators.complete(n), target)
            XCTAssertNoThrow(try e.verify())
            XCTAssertEqual(e.chains.count, n)
        }
    }

    func testK15IntoDamagedC12() throws {
        let target = EmbeddingTestGraphs.damagedChimera(12, dead: 55, seed: 3)
        let t0 = Date()
        let e = try search(try GraphGenerators.complete(15), target)
        print("K15", e.qubitCount, e.maxChainLength, Date().timeIntervalSince(t0))
        XCTAssertNoThrow(try e.verify())
    }

    func testSameSeedSameEmbedding() throws {
        let target = EmbeddingTestGraphs.chimera(4)
        let source = try GraphGenerators.randomRegular(20, 3, seed: 2)
        let a = try search(source, target, seed: 9)
        let b = try search(source, target, seed: 9)
        XCTAssertEqual(a.chains, b.chains)
    }

    func testImpossibleEmbeddingFailsWithReason() throws {
        let target = EmbeddingTestGraphs.chimera(1)
        XCTAssertThrowsError(try search(try GraphGenerators.complete(8), target, tries: 2)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("no embedding found in 2 tries"), text)
        }
    }
}

/// The seed paper's cliques (slow in debug builds: run with -c release).
final class EmbeddingSearchLargeTests: XCTestCase {
    func testSeedCliquesIntoDamagedC12() throws {
        let target = EmbeddingTestGraphs.damagedChimera(12, dead: 55, seed: 3)
        for n in [15, 42, 46] {
            var s = EmbeddingSearch()
            s.seed = 1; s.tries = 2; s.threads = 2
            let t0 = Date()
            let e = try s.run(source: try GraphGenerators.complete(n), target: target)
            print("K\(n): \(e.qubitCount) qubits, max chain \(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
            XCTAssertNoThrow(try e.verify())
        }
    }
}
