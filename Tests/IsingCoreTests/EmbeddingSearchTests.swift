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

/// Whether the tests run unoptimised (the large embeddings take minutes there).
var isDebugBuild: Bool {
    #if DEBUG
    return true
    #else
    return false
    #endif
}

/// The seed paper's cliques (run with `swift test -c release`; skipped in debug builds).
final class EmbeddingSearchLargeTests: XCTestCase {
    func testSeedCliquesIntoDamagedC12() throws {
        try XCTSkipIf(isDebugBuild, "minutes unoptimised: run with swift test -c release")
        let target = EmbeddingTestGraphs.damagedChimera(12, dead: 55, seed: 3)
        for n in [15, 42, 46] {
            var s = EmbeddingSearch()
            s.seed = 1; s.tries = 2; s.threads = 2
            let t0 = Date()
            let e = try s.run(source: try GraphGenerators.complete(n), target: target)
            print("K\(n): \(e.qubitCount) qubits, max chain \(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
            XCTAssertNoThrow(try e.verify())
        }
        let t0 = Date()
        var s = EmbeddingSearch()
        s.seed = 1; s.tries = 2; s.threads = 2
        let e = try s.run(source: try GraphGenerators.complete(60), target: EmbeddingTestGraphs.chimera(16))
        print("K60 in C16: \(e.qubitCount) qubits, max chain \(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
        XCTAssertNoThrow(try e.verify())
    }
}

/// Native clique layouts in Chimera.
final class ChimeraCliqueTests: XCTestCase {
    func testPerfectChipGivesEqualChains() throws {
        let target = EmbeddingTestGraphs.chimera(4)
        let layout = try ChimeraCliqueLayout(m: 4, n: 4, t: 4)
        for (n, length) in [(16, 5), (12, 4), (5, 3), (1, 2)] {
            let e = try layout.embed(clique: n, into: target, search: EmbeddingSearch())
            try e.verify()
            XCTAssertEqual(e.minChainLength, length)
            XCTAssertEqual(e.maxChainLength, length)
            XCTAssertEqual(e.qubitCount, n * length)
        }
        XCTAssertThrowsError(try layout.embed(clique: 17, into: target, search: EmbeddingSearch())) { error in
            XCTAssertEqual("\(error)", "K17 is larger than the largest native clique of chimera(4, 4, 4), K16")
        }
    }

    /// A few dead qubits: another placement or orientation avoids them.
    func testPlacementAvoidsDeadQubits() throws {
        let target = EmbeddingTestGraphs.chimera(6).without([.int(0), .int(5), .int(77)])
        let e = try ChimeraCliqueLayout(m: 6, n: 6, t: 4).embed(clique: 16, into: target, search: EmbeddingSearch())
        try e.verify()
        XCTAssertEqual(e.maxChainLength, 5)
        XCTAssertEqual(e.minChainLength, 5)
    }
}

/// The seed paper's cliques in a damaged C12 and K60 in C16, found by clique layout with
/// repair (run with `swift test -c release`; skipped in debug builds).
final class ChimeraCliqueLargeTests: XCTestCase {
    func testSeedCliquesIntoDamagedC12() throws {
        try XCTSkipIf(isDebugBuild, "minutes unoptimised: run with swift test -c release")
        let target = EmbeddingTestGraphs.damagedChimera(12, dead: 55, seed: 3)
        var search = EmbeddingSearch()
        search.tries = 2; search.threads = 2; search.seed = 1
        for n in [15, 42] {
            let t0 = Date()
            let e = try ChimeraCliqueLayout(m: 12, n: 12, t: 4).embed(clique: n, into: target, search: search)
            print("clique K\(n): \(e.qubitCount) qubits, chains \(e.minChainLength)–\(e.maxChainLength), \(Date().timeIntervalSince(t0)) s")
            XCTAssertNoThrow(try e.verify())
        }
        let c16 = EmbeddingTestGraphs.chimera(16)
        let e = try ChimeraCliqueLayout(m: 16, n: 16, t: 4).embed(clique: 60, into: c16, search: search)
        XCTAssertEqual(e.qubitCount, 960)
        XCTAssertEqual(e.maxChainLength, 16)
    }
}
