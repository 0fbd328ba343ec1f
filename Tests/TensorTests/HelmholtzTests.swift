import XCTest
import IsingCore
@testable import Learning

final class HelmholtzTests: XCTestCase {
    /// Four-pixel spin data: two patterns and a noisy copy.
    let data: [Double] = [1, 1, -1, -1,  1, 1, -1, -1,  -1, -1, 1, 1,  -1, -1, 1, 1,  1, 1, 1, -1]

    func testBoundIsBelowTheExactLogLikelihood() throws {
        let m = try HelmholtzMachine(sizes: [4, 3, 2], seed: 1, scale: 0.7)
        m.priorField = [0.3, -0.2]
        m.priorCoupling = [0.5]
        let (bound, ll) = try m.exactBound(data)
        XCTAssertLessThanOrEqual(bound, ll + 1e-12)
        // With no weights at all, Q and P factorise: log P(v) = 4 log(1/2) exactly, and so does the bound.
        let flat = try HelmholtzMachine(sizes: [4, 3, 2], seed: 1, scale: 0)
        let (b0, l0) = try flat.exactBound(data)
        XCTAssertEqual(l0, 4 * log(0.5), accuracy: 1e-12)
        XCTAssertEqual(b0, 4 * log(0.5), accuracy: 1e-12)
    }

    func testWakeSleepRaisesTheBound() throws {
        let m = try HelmholtzMachine(sizes: [4, 3, 2], seed: 2, scale: 0.1)
        let before = try m.exactBound(data).bound
        let trainer = try WakeSleepTrainer(model: m, sampler: try ExactSolver(), samples: 200, learningRate: .constant(0.05), seed: 3)
        for _ in 0..<400 { try trainer.step(data) }
        let after = try m.exactBound(data)
        XCTAssertGreaterThan(after.bound, before + 0.5)
        XCTAssertGreaterThan(after.logLikelihood, 4 * log(0.5) + 0.5)
    }

    func testPriorModelMatchesItsParameters() throws {
        let m = try HelmholtzMachine(sizes: [3, 3], priorEdges: [(0, 2)], seed: 1)
        m.priorField = [0.1, 0.2, 0.3]
        m.priorCoupling = [-0.5]
        let bqm = m.priorModel()
        XCTAssertEqual(bqm.energy([1, -1, 1]), 0.1 - 0.2 + 0.3 - 0.5, accuracy: 1e-12)
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [3, 3], priorEdges: [(0, 3)], seed: 1))
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [3], seed: 1))
    }
}
