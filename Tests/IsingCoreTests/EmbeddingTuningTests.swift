import XCTest
@testable import IsingCore

final class EmbeddingTuningTests: XCTestCase {
    func testTuning() throws {
        let target = EmbeddingTestGraphs.damagedChimera(12, dead: 55, seed: 3)
        for n in [42, 46] {
            let source = try GraphGenerators.complete(n)
            for patience in [30, 80] {
                var search = EmbeddingSearch()
                search.seed = 0; search.tries = 2; search.threads = 2; search.schedule.patience = patience
                let t0 = Date()
                let r = try? search.run(source: source, target: target)
                print("TUNE find K\(n) patience \(patience): qubits \(r?.qubitCount ?? -1) max \(r?.maxChainLength ?? -1) \(Date().timeIntervalSince(t0)) s")
            }
            for keep in [true, false] {
                var search = EmbeddingSearch()
                search.seed = 0; search.tries = 2; search.threads = 2; search.keepIntactChains = keep
                let t0 = Date()
                do {
                    let r = try ChimeraCliqueLayout(m: 12, n: 12, t: 4).embed(clique: n, into: target, search: search)
                    print("TUNE clique K\(n) keep \(keep): qubits \(r.qubitCount) max \(r.maxChainLength) \(Date().timeIntervalSince(t0)) s")
                } catch { print("TUNE clique K\(n) keep \(keep): \(error) \(Date().timeIntervalSince(t0)) s") }
            }
        }
    }
}
