import Foundation
import XCTest
@testable import IsingCore

/// The composites (clamping, spin-reversal transforms), the device model's range and
/// placement rules, and the pseudo-likelihood temperature estimate, checked against
/// brute-force enumeration.
final class CompositeTests: XCTestCase {
    typealias S = SamplerTestSupport

    static let model = S.randomModel(n: 8, seed: 77, fieldScale: 0.5, couplingScale: 1, density: 0.6)

    /// Exact conditioning: the samples of the free variables follow p(rest | clamped),
    /// computed here by restricting the brute-force distribution; KL of 20 000 exact
    /// draws over the 64 conditional states stays below 0.01 (expected ≈ 63 / 40 000).
    func testExactClampingSamplesTheConditionalDistribution() throws {
        let clamped = try ClampedSampler(inner: try ExactSolver(beta: 1), values: [(.int(2), 1), (.int(5), -1)], strength: nil)
        let r = try clamped.sample(Self.model.spinModel(), SampleRequest(reads: 20_000, seed: 3))
        let n = 8
        var brute = S.bruteForce(Self.model, beta: 1)
        var total = 0.0
        for k in 0..<(1 << n) {
            let s = S.state(k, n)
            if s[2] != 1 || s[5] != -1 { brute.probabilities[k] = 0 } else { total += brute.probabilities[k] }
        }
        brute.probabilities = brute.probabilities.map { $0 / total }
        for row in 0..<20_000 {
            XCTAssertEqual(r.states[row * n + 2], 1)
            XCTAssertEqual(r.states[row * n + 5], -1)
        }
        XCTAssertLessThan(S.kl(r.states, n: n, brute), 0.01)
        XCTAssertEqual(r.energies[0], Self.model.energy(Array(r.states[0..<n])), accuracy: 1e-12)
    }

    /// A strong field (strength 6, more than any neighbourhood's Σ|J|) holds the clamped
    /// spins in every annealed sample, and the violations are counted (none here).
    func testStrongFieldClampingHoldsInEverySample() throws {
        let clamped = try ClampedSampler(inner: try SimulatedAnnealing(sweeps: 200), values: [(.int(0), -1), (.int(7), 1)], strength: 6)
        let r = try clamped.sample(Self.model.spinModel(), SampleRequest(reads: 64, seed: 5))
        for row in 0..<64 {
            XCTAssertEqual(r.states[row * 8], -1)
            XCTAssertEqual(r.states[row * 8 + 7], 1)
        }
        XCTAssertTrue(r.info.contains { $0.0 == "clamp_violations" && $0.1 == .int(0) })
    }

    func testClampingAnUnknownVariableIsAnError() throws {
        let clamped = try ClampedSampler(inner: try ExactSolver(beta: 1), values: [(.int(42), 1)], strength: nil)
        XCTAssertThrowsError(try clamped.sample(Self.model.spinModel(), SampleRequest(reads: 1, seed: 1))) { e in
            XCTAssertTrue("\(e)".contains("42"), "\(e)")
        }
        XCTAssertThrowsError(try ClampedSampler(inner: try ExactSolver(beta: 1), values: [(.int(1), 1), (.int(1), -1)], strength: nil))
    }

    /// Gauge transforms leave the Boltzmann distribution unchanged: exact draws through
    /// eight transforms match the exact distribution as closely as direct draws do.
    func testSpinReversalKeepsTheDistribution() throws {
        let sampler = try SpinReversalSampler(inner: try ExactSolver(beta: 1), transforms: 8)
        let r = try sampler.sample(Self.model.spinModel(), SampleRequest(reads: 20_000, seed: 8))
        XCTAssertEqual(r.states.count, 20_000 * 8)
        XCTAssertLessThan(S.kl(r.states, n: 8, S.bruteForce(Self.model, beta: 1)), 0.012)
        let again = try sampler.sample(Self.model.spinModel(), SampleRequest(reads: 20_000, seed: 8))
        XCTAssertEqual(r.states, again.states)
    }

    /// The pseudo-likelihood estimate recovers β = 0.6 and β = 1.7 from 20 000 exact
    /// draws within 3 % (its statistical error here is under 1 %).
    func testEstimatedBetaMatchesTheSamplingTemperature() throws {
        let spin = Self.model.spinModel()
        for beta in [0.6, 1.7] {
            let r = try ExactSolver(beta: beta).sample(spin, SampleRequest(reads: 20_000, seed: 4))
            let estimate = try BetaEstimation.pseudoLikelihoodBeta(spin, states: r.states, counts: [Int](repeating: 1, count: 20_000))
            XCTAssertEqual(estimate, beta, accuracy: 0.03 * beta)
        }
    }

    // MARK: the device model

    static func device(graph: Graph, autoScale: Bool, noise: Double = 0, readoutError: Double = 0) throws -> DeviceAnnealer {
        try DeviceAnnealer(label: "test", graph: graph, hRange: -2...2, jRange: -1...1, autoScale: autoScale,
                           noiseH: noise, noiseJ: noise, readoutError: readoutError, annealTime: 5, timing: DeviceTiming(),
                           dynamics: try ExactSolver(beta: 1), dynamicsDescription: "exact")
    }

    /// Auto-scaling divides by the largest ratio of a bias to its range's end on its side:
    /// h = 3 against 2 gives 1.5, J = −1.2 against −1 gives 1.2, so the factor is 1.5.
    func testAutoScaleDividesByTheLargestRangeRatio() throws {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addLinear(.int(0), 3)
        m.addLinear(.int(1), -0.5)
        m.addQuadratic(.int(0), .int(1), -1.2)
        m.addQuadratic(.int(1), .int(2), 0.4)
        let graph = try Graph(edges: [(.int(0), .int(1)), (.int(1), .int(2))])
        let d = try Self.device(graph: graph, autoScale: true)
        XCTAssertEqual(d.autoScaleFactor(m.spinModel()), 1.5, accuracy: 1e-15)
        let r = try d.sample(m.spinModel(), SampleRequest(reads: 10, seed: 1))
        XCTAssertTrue(r.info.contains { $0.0 == "scale_factor" && $0.1 == .double(1.5) })
        // The exact dynamics at β = 1 sees the model divided by 1.5: samples of the scaled model.
        let scaled = m.scaled(1 / 1.5).spinModel()
        let direct = try ExactSolver(beta: 1).sample(scaled, SampleRequest(reads: 10, seed: DeviceAnnealerSeed.inner(1)))
        XCTAssertEqual(r.states, direct.states)
        // Energies are reported in the caller's model.
        XCTAssertEqual(r.energies[0], m.energy(Array(r.states[0..<3])), accuracy: 1e-12)
        let strict = try Self.device(graph: graph, autoScale: false)
        XCTAssertThrowsError(try strict.sample(m.spinModel(), SampleRequest(reads: 1, seed: 1))) { e in
            XCTAssertTrue("\(e)".contains("outside h_range"), "\(e)")
        }
    }

    func testProblemsOffTheGraphAreRejectedByName() throws {
        let graph = try Graph(edges: [(.int(0), .int(1)), (.int(1), .int(2))])
        let d = try Self.device(graph: graph, autoScale: true)
        var m = BinaryQuadraticModel(vartype: .spin)
        m.addQuadratic(.int(0), .int(2), 1)
        XCTAssertThrowsError(try d.sample(m.spinModel(), SampleRequest(reads: 1, seed: 1))) { e in
            XCTAssertTrue("\(e)".contains("(0, 2)") && "\(e)".contains("coupler"), "\(e)")
        }
        var off = BinaryQuadraticModel(vartype: .spin)
        off.addLinear(.int(9), 1)
        XCTAssertThrowsError(try d.sample(off.spinModel(), SampleRequest(reads: 1, seed: 1))) { e in
            XCTAssertTrue("\(e)".contains("9") && "\(e)".contains("qubit"), "\(e)")
        }
    }

    /// Control errors are fresh on every call (different seeds program different biases)
    /// but reproducible for a seed; readout errors flip about the stated fraction.
    func testNoiseAndReadoutErrorsAreSeeded() throws {
        let graph = try Graph(edges: (0..<9).map { (.int($0), .int($0 + 1)) })
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<9 { m.addQuadratic(.int(i), .int(i + 1), -1) }
        let d = try Self.device(graph: graph, autoScale: true, noise: 0.05, readoutError: 0.1)
        let a = try d.sample(m.spinModel(), SampleRequest(reads: 2000, seed: 1))
        let b = try d.sample(m.spinModel(), SampleRequest(reads: 2000, seed: 1))
        XCTAssertEqual(a.states, b.states)
        guard case .int(let flips)? = a.info.first(where: { $0.0 == "readout_flips" })?.1 else { return XCTFail("no readout_flips") }
        XCTAssertEqual(Double(flips) / 20_000, 0.1, accuracy: 0.01)
        let timing = a.info.first { $0.0 == "timing.qpu_access_time" }?.1
        XCTAssertEqual(timing, .double(10_000 + 2000 * (5 + 123 + 21)))
    }
}

/// The seed the device hands its dynamics, restated for the tests.
enum DeviceAnnealerSeed {
    static func inner(_ seed: UInt64) -> UInt64 { SampleRequest(reads: 1, seed: seed).seed(forRead: 1 << 40) }
}
