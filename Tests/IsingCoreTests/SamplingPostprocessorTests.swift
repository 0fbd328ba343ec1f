import Foundation
import XCTest
@testable import IsingCore

/// Sampling post-processing over chains: the chain-level problem it builds, the
/// distribution it reaches, whole chains in every read, reproducibility and its errors.
final class SamplingPostprocessorTests: XCTestCase {
    typealias S = SamplerTestSupport

    /// A five-variable logical model and the same model on chains of three qubits (labels
    /// 10i, 10i+1, 10i+2): each field spread unevenly over its chain, each coupling split
    /// between two qubit pairs, and ferromagnetic couplings of −0.7 inside chains.
    static let logical = S.randomModel(n: 5, seed: 41, fieldScale: 0.8, couplingScale: 1, density: 0.8)
    static let chains: [[Label]] = (0..<5).map { i in (0..<3).map { .int(10 * i + $0) } }
    static var physical: BinaryQuadraticModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        let l = logical.spinModel()
        for i in 0..<5 {
            m.addLinear(.int(10 * i), 0.5 * l.h[i])
            m.addLinear(.int(10 * i + 1), 0.2 * l.h[i])
            m.addLinear(.int(10 * i + 2), 0.3 * l.h[i])
            m.addQuadratic(.int(10 * i), .int(10 * i + 1), -0.7)
            m.addQuadratic(.int(10 * i + 1), .int(10 * i + 2), -0.7)
        }
        for (i, j, b) in l.edges {
            m.addQuadratic(.int(10 * i), .int(10 * j + 2), 0.25 * b)
            m.addQuadratic(.int(10 * i + 1), .int(10 * j + 1), 0.75 * b)
        }
        return m
    }

    /// Every whole-chain state has the physical energy of its logical state plus the
    /// constant of the couplings inside chains (10 × −0.7), over all 32 states.
    func testChainLevelProblemHasTheLogicalEnergies() throws {
        let sampler = try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: Self.chains, sweeps: 1, beta: 1)
        let physical = Self.physical.spinModel()
        let (chainOf, members) = try sampler.groups(of: physical)
        XCTAssertEqual(members.count, 5)
        let chainLevel = sampler.logicalModel(physical, chainOf: chainOf, chainCount: members.count)
        let logical = Self.logical.spinModel()
        for k in 0..<32 {
            let s = S.state(k, 5)
            let replicated = (0..<physical.count).map { s[chainOf[$0]] }
            XCTAssertEqual(physical.energy(replicated), chainLevel.energy(s) - 7.0, accuracy: 1e-12)
            XCTAssertEqual(chainLevel.energy(s), logical.energy(s) - logical.offset, accuracy: 1e-12)
        }
    }

    /// Reads from a hot Gibbs sampler (β 0.2, one sweep: most reads have broken chains)
    /// come back with every chain whole, and after 60 chain-level sweeps at β = 1 their
    /// chain values follow the logical Boltzmann distribution: KL over the 32 states of
    /// 20 000 reads below 0.01 (sampling alone gives about 31 / 40 000).
    func testManySweepsReachTheChainLevelBoltzmannDistribution() throws {
        let hot = try MCMCSampler(kind: .gibbs, sweeps: 1, beta: 0.2)
        let sampler = try SamplingPostprocessor(inner: hot, chains: Self.chains, sweeps: 60, beta: 1)
        let physical = Self.physical.spinModel()
        let r = try sampler.sample(physical, SampleRequest(reads: 20_000, seed: 5, threads: 2))
        let n = physical.count
        let column = (0..<5).map { i in physical.labels.firstIndex(of: .int(10 * i)) ?? -1 }
        var logicalStates: [Int8] = []
        for row in 0..<20_000 {
            for chain in Self.chains {
                let values = chain.compactMap { q in physical.labels.firstIndex(of: q).map { r.states[row * n + $0] } }
                XCTAssertEqual(Set(values).count, 1, "chain broken in read \(row)")
            }
            for i in 0..<5 { logicalStates.append(r.states[row * n + column[i]]) }
        }
        XCTAssertLessThan(S.kl(logicalStates, n: 5, S.bruteForce(Self.logical, beta: 1)), 0.01)
        guard case .double(let broken)? = r.info.first(where: { $0.0 == "postprocess.chain_break_fraction" })?.1 else {
            return XCTFail("no chain break fraction in \(r.info)")
        }
        XCTAssertGreaterThan(broken, 0.2)
        XCTAssertEqual(r.energies[7], physical.energy(Array(r.states[7 * n..<8 * n])), accuracy: 1e-12)
    }

    /// The same seed gives the same reads whatever the thread count; another seed differs.
    func testReadsDependOnlyOnTheSeed() throws {
        let inner = try SimulatedAnnealing(sweeps: 20)
        let sampler = try SamplingPostprocessor(inner: inner, chains: Self.chains, sweeps: 2, beta: 1.5)
        let physical = Self.physical.spinModel()
        let a = try sampler.sample(physical, SampleRequest(reads: 300, seed: 9, threads: 1))
        let b = try sampler.sample(physical, SampleRequest(reads: 300, seed: 9, threads: 2))
        let c = try sampler.sample(physical, SampleRequest(reads: 300, seed: 10, threads: 2))
        XCTAssertEqual(a.states, b.states)
        XCTAssertNotEqual(a.states, c.states)
    }

    /// Qubits outside the chains are post-processed as chains of one; chains that share a
    /// qubit, empty chains and chains naming a qubit the problem lacks are refused.
    func testLooseQubitsAndBadChains() throws {
        var m = Self.physical
        m.addLinear(.int(99), 0.4)
        m.addQuadratic(.int(99), .int(0), 0.3)
        let sampler = try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: Self.chains, sweeps: 1, beta: 1)
        let (chainOf, members) = try sampler.groups(of: m.spinModel())
        XCTAssertEqual(members.count, 6)
        XCTAssertEqual(chainOf[m.spinModel().labels.firstIndex(of: .int(99)) ?? 0], 5)
        XCTAssertThrowsError(try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: [[.int(0), .int(1)], [.int(1)]], sweeps: 1, beta: 1)) {
            XCTAssertTrue("\($0)".contains("qubit 1 is in two chains"), "\($0)")
        }
        XCTAssertThrowsError(try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: [[]], sweeps: 1, beta: 1))
        XCTAssertThrowsError(try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: Self.chains, sweeps: 0, beta: 1))
        let missing = try SamplingPostprocessor(inner: try ExactSolver(beta: 1), chains: Self.chains + [[.int(77)]], sweeps: 1, beta: 1)
        XCTAssertThrowsError(try missing.sample(Self.physical.spinModel(), SampleRequest(reads: 1, seed: 1))) {
            XCTAssertTrue("\($0)".contains("qubit 77 of chain 5"), "\($0)")
        }
    }
}
