import XCTest
import IsingCore
@testable import Learning

final class RBMTests: XCTestCase {
    /// A small machine with sizeable random parameters.
    func machine(_ nv: Int, _ nh: Int, _ units: UnitKind = .bernoulli, labels: Int = 0, seed: UInt64 = 1) throws -> RBM {
        let m = try RBM(visible: nv, hidden: nh, units: units, labels: labels, seed: seed, scale: 0.8)
        var rng = Xoshiro256(seed: seed + 100)
        m.visibleBias = (0..<nv).map { _ in Float(0.5 * rng.nextGaussian()) }
        m.hiddenBias = (0..<nh).map { _ in Float(0.5 * rng.nextGaussian()) }
        return m
    }

    /// Unit values of the bits of `s`.
    func state(_ s: Int, _ n: Int, _ units: UnitKind) -> [Float] {
        let (lo, hi) = units.values
        return (0..<n).map { (s >> $0) & 1 == 1 ? hi : lo }
    }

    /// log Z by summing e^{-E(v, h)} over every joint state.
    func bruteForceLogZ(_ m: RBM) -> Double {
        var terms: [Double] = []
        for a in 0..<(1 << m.visible) {
            for b in 0..<(1 << m.hidden) {
                terms.append(-m.energy(visible: state(a, m.visible, m.units), hidden: state(b, m.hidden, m.units)))
            }
        }
        return logSumExp(terms)
    }

    func testExactLogZMatchesBruteForceOverEitherLayer() throws {
        for units in [UnitKind.bernoulli, .spin] {
            for (nv, nh) in [(6, 4), (4, 7)] {
                let m = try machine(nv, nh, units)
                XCTAssertEqual(try m.logPartitionExact(), bruteForceLogZ(m), accuracy: 1e-9, "\(units) \(nv)x\(nh)")
            }
        }
    }

    func testExactLogLikelihoodMatchesBruteForce() throws {
        let m = try machine(5, 3)
        let data: [Float] = [1, 0, 1, 0, 1, 0, 0, 1, 1, 1]
        let logZ = bruteForceLogZ(m)
        var expected = 0.0
        for r in 0..<2 {
            let v = Array(data[(r * 5)..<(r * 5 + 5)])
            var terms: [Double] = []
            for b in 0..<8 { terms.append(-m.energy(visible: v, hidden: state(b, 3, .bernoulli))) }
            expected += logSumExp(terms) - logZ
        }
        XCTAssertEqual(try m.logLikelihoodExact(data), expected / 2, accuracy: 1e-9)
    }

    func testIsingFormHasTheSameEnergyForEveryJointState() throws {
        for units in [UnitKind.bernoulli, .spin] {
            let m = try machine(4, 3, units)
            let bqm = try m.quadraticModel()
            for s in 0..<(1 << 7) {
                let v = state(s & 15, 4, units), h = state(s >> 4, 3, units)
                let joint = (v + h).map { Int8($0) }
                XCTAssertEqual(bqm.energy(joint), m.energy(visible: v, hidden: h), accuracy: 1e-12, "\(units) state \(s)")
            }
            // The exact sampler's log Z of the Ising form is the RBM's log Z.
            let summary = try ExactSolver().sample(bqm, SampleRequest(reads: 0, seed: 1)).exact
            XCTAssertEqual(summary?.logZ ?? .nan, try m.logPartitionExact(), accuracy: 1e-9)
        }
    }

    /// A tiny data set of 6 pixels: four patterns with frequencies 3, 2, 1, 1.
    let tinyData: [Float] = [1, 1, 1, 0, 0, 0,  1, 1, 1, 0, 0, 0,  1, 1, 1, 0, 0, 0,  0, 0, 0, 1, 1, 1,
                             0, 0, 0, 1, 1, 1,  1, 1, 0, 0, 0, 0,  1, 0, 1, 0, 1, 0]

    /// Trains a 6×4 machine for 300 epochs and returns the exact log-likelihood before and after.
    func trainTiny(_ phase: NegativePhase) throws -> (before: Double, after: Double) {
        let m = try RBM(visible: 6, hidden: 4, seed: 3)
        let before = try m.logLikelihoodExact(tinyData)
        let trainer = try RBMTrainer(model: m, phase: phase, settings: RBMSettings(learningRate: .constant(0.1), momentum: 0.5), seed: 7)
        for _ in 0..<300 { try trainer.epoch(tinyData, batch: 7) }
        return (before, try m.logLikelihoodExact(tinyData))
    }

    func testContrastiveDivergenceRaisesExactLogLikelihood() throws {
        for phase in [NegativePhase.cd(k: 1), .cd(k: 5), .pcd(k: 1, chains: 20)] {
            let (before, after) = try trainTiny(phase)
            // Near-uniform start: -6 log 2 ≈ -4.16 nats; the data's entropy bound is -1.28.
            XCTAssertEqual(before, -6 * log(2.0), accuracy: 0.05)
            XCTAssertGreaterThan(after, before + 1.5, "\(phase.name)")
            XCTAssertLessThan(after, -1.27)
        }
    }

    func testSamplerNegativePhaseRaisesExactLogLikelihood() throws {
        // Exact Boltzmann samples of the Ising form make the gradient unbiased.
        let (before, after) = try trainTiny(.sampler(try ExactSolver(), reads: 100, temperature: 1))
        XCTAssertGreaterThan(after, before + 2)
    }

    func testTrainingIsReproducibleFromTheSeed() throws {
        func run() throws -> [Float] {
            let m = try RBM(visible: 6, hidden: 4, seed: 3)
            let t = try RBMTrainer(model: m, phase: .cd(k: 1), settings: RBMSettings(), seed: 11)
            for _ in 0..<5 { try t.epoch(tinyData, batch: 2) }
            return m.weights
        }
        XCTAssertEqual(try run(), try run())
    }

    func testAISIsWithinATenthOfANatOfExact() throws {
        for units in [UnitKind.bernoulli, .spin] {
            let m = try machine(12, 8, units, seed: 5)
            let exact = try m.logPartitionExact()
            let estimate = try m.annealedImportanceSampling(chains: 200, betas: try RBM.linearBetas(2000), seed: 1)
            XCTAssertEqual(estimate.logZ, exact, accuracy: 0.1, "\(units)")
            XCTAssertLessThan(estimate.standardError, 0.1)
        }
    }

    func testClassProbabilitiesComeFromFreeEnergies() throws {
        let m = try machine(7, 5, labels: 3)
        let x: [Float] = [1, 0, 1, 1]
        let p = try m.classProbabilities(x)
        var f: [Double] = []
        for y in 0..<3 {
            var v = x + [0, 0, 0]
            v[4 + y] = 1
            f.append(try m.freeEnergy(v)[0])
        }
        let z = logSumExp(f.map { -$0 })
        for y in 0..<3 { XCTAssertEqual(p[y], exp(-f[y] - z), accuracy: 1e-6) }
        XCTAssertEqual(try m.classify(x), [f.indices.min { f[$0] < f[$1] } ?? -1])
    }

    func testBadSettingsAreRejected() throws {
        let m = try RBM(visible: 3, hidden: 2, seed: 1)
        XCTAssertThrowsError(try RBMTrainer(model: m, phase: .cd(k: 0), settings: RBMSettings(), seed: 1))
        XCTAssertThrowsError(try RBMTrainer(model: m, phase: .cd(k: 1), settings: RBMSettings(momentum: 1.5), seed: 1))
        XCTAssertThrowsError(try RBMTrainer(model: m, phase: .cd(k: 1), settings: RBMSettings(learningRate: .constant(0)), seed: 1))
        XCTAssertThrowsError(try RBM(visible: 0, hidden: 2, seed: 1))
        XCTAssertThrowsError(try m.freeEnergy([1, 0]))
        let big = try RBM(visible: 30, hidden: 30, seed: 1)
        XCTAssertThrowsError(try big.logPartitionExact())
    }
}

final class RBMDiscriminativeTests: XCTestCase {
    /// The mean log p(y | x) of labelled rows, from the exact class probabilities.
    func conditionalLogLikelihood(_ m: RBM, _ rows: [Float]) throws -> Double {
        let nf = m.features, nl = m.labels, n = rows.count / m.visible
        var total = 0.0
        for r in 0..<n {
            let x = Array(rows[(r * m.visible)..<(r * m.visible + nf)])
            let y = (0..<nl).first { rows[r * m.visible + nf + $0] == 1 } ?? 0
            total += log(try m.classProbabilities(x)[y])
        }
        return total / Double(n)
    }

    func testConditionalGradientMatchesFiniteDifferences() throws {
        let m = try RBM(visible: 4 + 3, hidden: 5, labels: 3, seed: 2, scale: 0.5)
        let rows: [Float] = [1, 0, 1, 1, 0, 1, 0,  0, 1, 1, 0, 1, 0, 0,  1, 1, 0, 0, 0, 0, 1]
        let g = try m.conditionalGradient(rows)
        XCTAssertEqual(g.logLikelihood, try conditionalLogLikelihood(m, rows), accuracy: 1e-5)
        let h: Float = 1e-2
        func check(_ analytic: Float, _ perturb: (Float) -> Void, _ what: String) throws {
            perturb(h); let up = try conditionalLogLikelihood(m, rows)
            perturb(-2 * h); let down = try conditionalLogLikelihood(m, rows)
            perturb(h)
            XCTAssertEqual(Double(analytic), (up - down) / Double(2 * h), accuracy: 2e-4, what)
        }
        for i in 0..<m.weights.count { try check(g.weights[i], { m.weights[i] += $0 }, "W \(i)") }
        for i in 0..<m.visible { try check(g.visibleBias[i], { m.visibleBias[i] += $0 }, "b \(i)") }
        for j in 0..<m.hidden { try check(g.hiddenBias[j], { m.hiddenBias[j] += $0 }, "c \(j)") }
    }
}
