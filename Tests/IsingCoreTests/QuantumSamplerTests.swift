import XCTest
@testable import IsingCore

/// Path-integral samplers (qbm, sqa) against exact distributions, annealing outcomes and
/// reproducibility.
final class QuantumSamplerTests: XCTestCase {
    func model(_ h: [Double], _ j: [(Int, Int, Double)]) -> SpinModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        for (i, x) in h.enumerated() { m.addLinear(.int(i), x) }
        for (a, b, x) in j { m.addQuadratic(.int(a), .int(b), x) }
        return SpinModel(m)
    }

    /// A six-spin ring with mixed fields and couplings.
    var ring: SpinModel {
        model([0.1, -0.2, 0.3, 0, 0.5, -0.1], [(0, 1, -1), (1, 2, 0.5), (2, 3, -0.7), (3, 4, 1), (4, 5, -0.3), (0, 5, 0.4)])
    }

    /// A ferromagnetic chain of n spins (J = −1, no fields): two ground states.
    func chain(_ n: Int) -> SpinModel { model([Double](repeating: 0, count: n), (0..<(n - 1)).map { ($0, $0 + 1, -1.0) }) }

    /// KL(empirical ‖ p) with p(z) from a table indexed by the state's bits.
    func kl(_ states: [Int8], _ n: Int, _ logP: [Double]) -> Double {
        var counts = [Int](repeating: 0, count: 1 << n)
        let reads = states.count / n
        for r in 0..<reads {
            var z = 0
            for i in 0..<n where states[r * n + i] > 0 { z |= 1 << i }
            counts[z] += 1
        }
        var d = 0.0
        for z in counts.indices where counts[z] > 0 {
            let p = Double(counts[z]) / Double(reads)
            d += p * (log(p) - logP[z])
        }
        return d
    }

    /// With 8 slices (Trotter error ~ (βΓ/P)² = 0.01 relative, a KL of order 1e-4) and 8000
    /// reads (the KL of exact draws over 64 states is about 63 / (2 · 8000) ≈ 0.004), qbm's
    /// slices follow the exact quantum diagonal to KL < 0.01, while the classical Boltzmann
    /// distribution is 0.08 away from it.
    func testQBMMatchesExactQuantum() throws {
        let m = ring
        let exact = try QuantumExactSolver(gamma: 0.8, beta: 1).summary(of: m)
        let sampler = try QuantumBoltzmannSampler(gamma: 0.8, beta: 1, trotter: 8, sweeps: 30)
        let out = try sampler.sample(m, SampleRequest(reads: 8000, seed: 11, threads: 2))
        let d = kl(out.states, 6, try XCTUnwrap(exact.logProbabilities))
        XCTAssertLessThan(d, 0.01)
        // and it is not simply the classical distribution, which is far from it
        let classical = try ExactSolver(beta: 1).summary(of: m)
        let classicalLogP = (0..<64).map { z in
            -m.energy((0..<6).map { (z >> $0) & 1 == 1 ? Int8(1) : Int8(-1) }) - classical.logZ
        }
        XCTAssertGreaterThan(kl(out.states, 6, classicalLogP), 0.04)
    }

    /// At Γ = 0 the slices are locked and world-line moves sample exp(−β H_P): qbm and a
    /// held sqa (linear schedule with Γ = 0, s = 1 throughout, so β B/2 = β) match exact().
    func testGammaZeroMatchesClassical() throws {
        let m = ring
        let exact = try ExactSolver(beta: 1).summary(of: m)
        let logP = (0..<64).map { z in -m.energy((0..<6).map { (z >> $0) & 1 == 1 ? Int8(1) : Int8(-1) }) - exact.logZ }
        let q = try QuantumBoltzmannSampler(gamma: 0, beta: 1, trotter: 2, sweeps: 30)
        XCTAssertLessThan(kl(try q.sample(m, SampleRequest(reads: 8000, seed: 2, threads: 2)).states, 6, logP), 0.01)
        let held = try AnnealSchedule.linear(gamma: 0, path: .hold)
        let s = try SimulatedQuantumAnnealing(schedule: held, trotter: 2, sweeps: 30, beta: 1)
        XCTAssertLessThan(kl(try s.sample(m, SampleRequest(reads: 8000, seed: 3, threads: 2)).states, 6, logP), 0.01)
    }

    /// A forward anneal of a 12-spin ferromagnetic chain ends in one of its two ground
    /// states in every read, and both appear.
    func testFerromagneticChainAnnealsToGroundStates() throws {
        let n = 12
        let s = try SimulatedQuantumAnnealing(schedule: try AnnealSchedule.linear(gamma: 2), trotter: 8, sweeps: 200, beta: 8,
                                              readout: .best)
        let out = try s.sample(chain(n), SampleRequest(reads: 32, seed: 4, threads: 2))
        var up = 0, down = 0
        for r in 0..<32 {
            let row = out.states[(r * n)..<((r + 1) * n)]
            if row.allSatisfy({ $0 == 1 }) { up += 1 } else if row.allSatisfy({ $0 == -1 }) { down += 1 }
        }
        XCTAssertEqual(up + down, 32)
        XCTAssertGreaterThan(up, 0)
        XCTAssertGreaterThan(down, 0)
    }

    /// A reverse anneal on the DW-2000Q schedule from one ground state of a chain to
    /// s = 0.7, paused there, returns to that state: the other ground state needs the
    /// whole chain to flip, and the transverse field at s = 0.7 is small.
    func testReverseAnnealStaysNearItsStart() throws {
        let n = 12
        let start = [Int8](repeating: 1, count: n)
        let sch = AnnealSchedule.dw2000q.with(path: try .reverse(to: 0.7, pause: 0.5, ramp: 0.25))
        let s = try SimulatedQuantumAnnealing(schedule: sch, trotter: 8, sweeps: 100, beta: try QuantumUnits.betaPerGigahertz(kelvin: 0.012))
        var request = SampleRequest(reads: 32, seed: 8, threads: 2)
        request.initial = start
        let out = try s.sample(chain(n), request)
        var same = 0
        for r in 0..<32 where Array(out.states[(r * n)..<((r + 1) * n)]) == start { same += 1 }
        XCTAssertGreaterThanOrEqual(same, 30)
        // Without initial states a reverse anneal is refused.
        XCTAssertThrowsError(try s.sample(chain(n), SampleRequest(reads: 4, seed: 1)))
    }

    /// The same seed gives the same samples for 1 and 3 threads, for sqa and qbm.
    func testSameSeedSameSamplesForAnyThreadCount() throws {
        let m = ring
        let samplers: [any Sampler] = [
            try SimulatedQuantumAnnealing(schedule: .dw2000q, trotter: 8, sweeps: 50, beta: 4),
            try QuantumBoltzmannSampler(gamma: 0.5, beta: 1, trotter: 8, sweeps: 50),
        ]
        for s in samplers {
            let a = try s.sample(m, SampleRequest(reads: 50, seed: 99, threads: 1))
            let b = try s.sample(m, SampleRequest(reads: 50, seed: 99, threads: 3))
            let c = try s.sample(m, SampleRequest(reads: 50, seed: 100, threads: 1))
            XCTAssertEqual(a.states, b.states)
            XCTAssertNotEqual(a.states, c.states)
        }
    }

    /// The Trotter constants: J⊥ = −½ ln tanh(βΓ/P), locked at Γ = 0, absent for one slice.
    func testTrotterStep() {
        let st = TrotterStep.step(beta: 2, classical: 1, gamma: 0.5, slices: 8)
        XCTAssertEqual(st.a, 0.25, accuracy: 1e-15)
        XCTAssertEqual(st.bond, -0.5 * log(tanh(0.125)), accuracy: 1e-15)
        XCTAssertEqual(TrotterStep.step(beta: 2, classical: 1, gamma: 0, slices: 8).bond, TrotterStep.maxBond)
        XCTAssertEqual(TrotterStep.step(beta: 2, classical: 1, gamma: 1, slices: 1).bond, 0)
    }

    /// Bad settings are refused.
    func testSettingsAreChecked() {
        XCTAssertThrowsError(try QuantumBoltzmannSampler(gamma: -1))
        XCTAssertThrowsError(try QuantumBoltzmannSampler(gamma: 1, trotter: 0))
        XCTAssertThrowsError(try SimulatedQuantumAnnealing(schedule: .advantage, sweeps: 0, beta: 1))
        XCTAssertThrowsError(try SimulatedQuantumAnnealing(schedule: .advantage, beta: -1))
    }
}
