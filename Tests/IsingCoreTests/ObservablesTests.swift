import XCTest
@testable import IsingCore

/// Observables of sample sets and series, on cases small enough to work out by hand.
final class ObservablesTests: XCTestCase {
    private func spinSet(_ rows: [[Int8]], energies: [Double]? = nil, counts: [Int]? = nil) -> SampleSet {
        let n = rows.first?.count ?? 0
        return SampleSet(variables: (0..<n).map { .int($0) }, vartype: .spin, states: rows.flatMap { $0 },
                         energies: energies ?? [Double](repeating: 0, count: rows.count), counts: counts)
    }

    func testOverlap() throws {
        XCTAssertEqual(try Observables.overlap([1, 1, -1] as [Int8], [1, -1, -1] as [Int8]), 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(try Observables.overlap([1, -1] as [Int8], [-1, 1] as [Int8]), -1)
        // binary values read as spins
        XCTAssertEqual(try Observables.overlap([0, 1] as [Int8], [0, 1] as [Int8]), 1)
        XCTAssertThrowsError(try Observables.overlap([1] as [Int8], [1, 1] as [Int8]))
        XCTAssertThrowsError(try Observables.overlap([] as [Int8], [] as [Int8]))
    }

    /// Rows a = (+,+), b = (+,−), and a again (count 2): pairs (a,a) q = 1 once,
    /// (a,b) q = 0 twice: P(1) = 1/3, P(0) = 2/3.
    func testOverlapDistribution() throws {
        let s = spinSet([[1, 1], [1, -1]], counts: [2, 1])
        let h = try Observables.overlapDistribution(s)
        XCTAssertEqual(h.centers, [-1, 0, 1])
        XCTAssertEqual(h.counts, [0, 2, 1])
        XCTAssertEqual(h.probabilities[2], 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(h.edges, [-1.5, -0.5, 0.5, 1.5])
        // 70 spins (two 64-bit words): a state and its reverse have q = −1
        let up = [Int8](repeating: 1, count: 70), down = [Int8](repeating: -1, count: 70)
        let w = try Observables.overlapDistribution(spinSet([up, down]))
        XCTAssertEqual(w.counts.first, 1)
        XCTAssertEqual(w.total, 1)
        XCTAssertThrowsError(try Observables.overlapDistribution(spinSet([up])))
        // only the first maxReads reads are used
        XCTAssertEqual(try Observables.overlapDistribution(spinSet([up, down, up]), maxReads: 2).total, 1)
    }

    func testEnergyHistogram() throws {
        let s = spinSet([[1], [1], [-1], [-1]], energies: [0, 1, 2, 4], counts: [1, 2, 1, 3])
        let h = try Observables.energyHistogram(s, bins: 4)
        XCTAssertEqual(h.edges, [0, 1, 2, 3, 4])
        XCTAssertEqual(h.counts, [1, 2, 1, 3])  // the top edge belongs to the last bin
        let flat = try Observables.energyHistogram(spinSet([[1]], energies: [3]), bins: 2)
        XCTAssertEqual(flat.edges, [2.5, 3, 3.5])
        XCTAssertEqual(flat.total, 1)
        XCTAssertThrowsError(try Observables.energyHistogram(s, bins: 0))
    }

    func testBinderCumulant() throws {
        // fully ordered (|m| = 1 always): U = 1 − 1/3 = 2/3
        let ordered = spinSet([[1, 1, 1, 1], [-1, -1, -1, -1]])
        XCTAssertEqual(try Observables.binderCumulant(ordered), 2.0 / 3, accuracy: 1e-15)
        // m = 1 once and 0 three times: ⟨m²⟩ = 1/4, ⟨m⁴⟩ = 1/4, U = 1 − (1/4) / (3/16) = −1/3
        let mixed = spinSet([[1, 1], [1, -1]], counts: [1, 3])
        XCTAssertEqual(try Observables.binderCumulant(mixed), -1.0 / 3, accuracy: 1e-15)
        XCTAssertThrowsError(try Observables.binderCumulant(spinSet([[1, -1]])))
    }

    /// An AR(1) series x_t = φ x_{t−1} + ε_t has ρ(t) = φ^t and τ = (1 + φ)/(1 − φ):
    /// 3 for φ = 0.5. With 200 000 values the estimate's standard error is about
    /// τ·√(2(2M + 1)/N) ≈ 0.05 (M ≈ 15 the window), so 0.25 is five of them.
    func testAutocorrelationTimeOfAnAR1Series() throws {
        var g = Xoshiro256(seed: UInt64(4))
        var x = [Double](repeating: 0, count: 200_000)
        for t in 1..<x.count { x[t] = 0.5 * x[t - 1] + g.nextGaussian() }
        let tau = try Observables.integratedAutocorrelationTime(x)
        XCTAssertEqual(tau, 3, accuracy: 0.25)
        XCTAssertEqual(try Observables.effectiveSampleSize(x), Double(x.count) / tau, accuracy: 1e-6)
        let rho = try Observables.autocorrelation(x, maxLag: 3)
        XCTAssertEqual(rho[0], 1, accuracy: 1e-12)
        XCTAssertEqual(rho[1], 0.5, accuracy: 0.02)
        XCTAssertEqual(rho[2], 0.25, accuracy: 0.02)
        // independent values: τ ≈ 1
        let iid = (0..<50_000).map { _ in g.nextGaussian() }
        XCTAssertEqual(try Observables.integratedAutocorrelationTime(iid), 1, accuracy: 0.1)
        XCTAssertTrue(try Observables.integratedAutocorrelationTime([2, 2, 2]).isNaN)
        XCTAssertThrowsError(try Observables.integratedAutocorrelationTime([1]))
    }

    /// The FFT path (long series) and the direct sums (short ones) agree.
    func testAutocovarianceByFFTMatchesDirectSums() {
        var g = Xoshiro256(seed: UInt64(9))
        let x = (0..<3000).map { _ in g.nextDouble() }
        let fast = Observables.autocovarianceSums(x)
        let mean = x.reduce(0, +) / 3000
        for t in [0, 1, 7, 500, 2999] {
            var c = 0.0
            for i in 0..<(3000 - t) { c += (x[i] - mean) * (x[i + t] - mean) }
            XCTAssertEqual(fast[t], c, accuracy: 1e-8 * 3000)
        }
    }

    /// A Gibbs chain's energy trace has τ > 1 and an effective sample size below its length.
    func testAutocorrelationOfAChainTrace() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<16 { m.addQuadratic(.int(i), .int((i + 1) % 16), -1) }
        let trace = try MCMCSampler(kind: .gibbs, sweeps: 4000, beta: 0.8, scan: .random).trace(m, seed: 1)
        let tau = try Observables.integratedAutocorrelationTime(trace.energies)
        XCTAssertGreaterThan(tau, 1)
        XCTAssertLessThan(try Observables.effectiveSampleSize(trace.energies), 4000)
    }

    /// Two states of a one-spin model with E(±1) = ±1 at β = 1: p(+1) = e^{−1} / (2 cosh 1).
    func testKLAndTotalVariationByHand() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addLinear(.int(0), 1)
        let p = exp(-1.0) / (2 * cosh(1.0))
        // empirical: 3 of 4 reads at +1
        let s = SampleSet(variables: [.int(0)], vartype: .spin, states: [1, -1], energies: [1, -1], counts: [3, 1])
        let kl = 0.75 * log(0.75 / p) + 0.25 * log(0.25 / (1 - p))
        XCTAssertEqual(try Observables.klDivergence(s, model: m, beta: 1), kl, accuracy: 1e-12)
        XCTAssertEqual(try Observables.totalVariation(s, model: m, beta: 1), abs(0.75 - p), accuracy: 1e-12)
        let exact = try ExactSolver(beta: 1).summary(of: m.spinModel())
        XCTAssertEqual(try Observables.klDivergence(s, exact: exact), kl, accuracy: 1e-12)
        // a state never sampled counts with its whole probability in TV
        let only = SampleSet(variables: [.int(0)], vartype: .spin, states: [1], energies: [1])
        XCTAssertEqual(try Observables.totalVariation(only, exact: exact), 1 - p, accuracy: 1e-12)
    }

    /// Exact draws are close to the exact distribution, and the variables may come in any
    /// order and vartype; a model over other variables is refused.
    func testDistancesOfExactDraws() throws {
        let spin = SamplerTestSupport.randomModel(n: 6, seed: 3)
        let qubo = spin.toQubo()
        let draws = try ExactSolver().sample(qubo, SampleRequest(reads: 50_000, seed: 2, threads: 2))
        XCTAssertLessThan(try Observables.totalVariation(draws, model: spin, beta: 1), 0.03)
        XCTAssertLessThan(try Observables.klDivergence(draws, model: spin, beta: 1), 0.01)
        XCTAssertGreaterThan(try Observables.totalVariation(draws, model: spin, beta: 3), 0.1)
        // the same model with its variables in the opposite order gives the same distances
        var reversed = BinaryQuadraticModel(vartype: .spin)
        for v in spin.variables.reversed() { reversed.addLinear(v, spin.linear(v)) }
        for t in spin.interactions { reversed.addQuadratic(spin.variables[t.u], spin.variables[t.v], t.bias) }
        reversed.offset = spin.offset
        XCTAssertEqual(try Observables.klDivergence(draws, model: reversed, beta: 1),
                       try Observables.klDivergence(draws, model: spin, beta: 1), accuracy: 1e-12)
        let renamed = try spin.relabeled([.int(0): .string("a")])
        XCTAssertThrowsError(try Observables.klDivergence(draws, model: renamed, beta: 1))
        var big = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<25 { big.addLinear(.int(i), 1) }
        let bigSet = SampleSet(variables: big.variables, vartype: .spin, states: [Int8](repeating: 1, count: 25), energies: [25])
        XCTAssertThrowsError(try Observables.klDivergence(bigSet, model: big, beta: 1))
    }
}
