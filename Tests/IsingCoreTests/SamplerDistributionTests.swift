import XCTest
@testable import IsingCore

/// Every sampler that claims to sample the Boltzmann distribution, checked against the
/// exact distribution of a 10-spin instance at β = 1.
///
/// The KL bound: even perfect samples have KL(empirical ‖ p) > 0, about (K − 1) / (2N) for
/// K well-sampled states, plus the contribution of rarely seen ones. This instance has 216
/// states with N·p ≥ 1 and 489 with N·p ≥ 0.1 (of 1024) at N = 20 000 reads, and exact
/// draws give KL = 0.0132 on average (0.0112 to 0.0148 over 20 seeds, a spread of about
/// 0.001). The bound 0.018 is about five spreads above that mean, and it is tight enough
/// to matter: exact draws at β = 1.1 instead of 1 give 0.026 (β = 1.15: 0.041), and a
/// random-scan Gibbs chain of 40 sweeps, not quite mixed on this instance, gives 0.019
/// (with 100 sweeps: 0.0136). `testBoundRejectsTheWrongTemperature` and
/// `testBoundRejectsAnUnmixedChain` keep these facts checked. Seeds are fixed, so the
/// outcome is deterministic.
final class SamplerDistributionTests: XCTestCase {
    typealias S = SamplerTestSupport
    static let reads = 20_000
    static let bound = 0.018

    static let model = S.randomModel(n: 10, seed: 2024, fieldScale: 0.5, couplingScale: 1, density: 0.6)
    static let brute = S.bruteForce(model, beta: 1)

    private func klOf(_ sampler: some Sampler, seed: UInt64 = 11, threads: Int = 2) throws -> Double {
        let r = try sampler.sample(Self.model.spinModel(), SampleRequest(reads: Self.reads, seed: seed, threads: threads))
        XCTAssertEqual(r.states.count, Self.reads * 10)
        return S.kl(r.states, n: 10, Self.brute)
    }

    func testExactDrawsSetTheScale() throws {
        for seed: UInt64 in 1...3 {
            let d = try klOf(ExactSolver(beta: 1), seed: seed)
            XCTAssertGreaterThan(d, 0.009)
            XCTAssertLessThan(d, 0.016)
        }
    }

    func testBoundRejectsTheWrongTemperature() throws {
        let r = try ExactSolver(beta: 1.1).sample(Self.model.spinModel(), SampleRequest(reads: Self.reads, seed: 3))
        XCTAssertGreaterThan(S.kl(r.states, n: 10, Self.brute), Self.bound)
    }

    func testBoundRejectsAnUnmixedChain() throws {
        XCTAssertGreaterThan(try klOf(MCMCSampler(kind: .gibbs, sweeps: 1, beta: 1)), Self.bound)
        XCTAssertGreaterThan(try klOf(MCMCSampler(kind: .gibbs, sweeps: 40, beta: 1, scan: .random)), Self.bound)
    }

    func testGibbsSequentialScan() throws {
        XCTAssertLessThan(try klOf(MCMCSampler(kind: .gibbs, sweeps: 40, beta: 1, scan: .sequential)), Self.bound)
    }

    func testGibbsRandomScan() throws {
        XCTAssertLessThan(try klOf(MCMCSampler(kind: .gibbs, sweeps: 100, beta: 1, scan: .random)), Self.bound)
    }

    func testMetropolisSequentialScan() throws {
        XCTAssertLessThan(try klOf(MCMCSampler(kind: .metropolis, sweeps: 40, beta: 1, scan: .sequential)), Self.bound)
    }

    func testMetropolisRandomScan() throws {
        XCTAssertLessThan(try klOf(MCMCSampler(kind: .metropolis, sweeps: 100, beta: 1, scan: .random)), Self.bound)
    }

    func testParallelTempering() throws {
        let betas = try BetaSchedule.geometric.betas(hot: 0.1, cold: 1, count: 6)
        let pt = try ParallelTempering(betas: betas, sweeps: 30)
        XCTAssertLessThan(try klOf(pt), Self.bound)
    }

    /// Annealing with a flat schedule is a fixed-β Markov chain.
    func testSimulatedAnnealingAtConstantBeta() throws {
        for proposal in [UpdateRule.metropolis, .gibbs] {
            let sa = try SimulatedAnnealing(schedule: .custom([Double](repeating: 1, count: 40)), proposal: proposal)
            XCTAssertLessThan(try klOf(sa), Self.bound, "\(proposal)")
        }
    }

    func testPopulationAnnealingFinalPopulation() throws {
        let pa = try PopulationAnnealing(population: Self.reads, betas: (0...20).map { Double($0) / 20 }, sweeps: 5)
        XCTAssertLessThan(try klOf(pa), Self.bound)
    }
}
