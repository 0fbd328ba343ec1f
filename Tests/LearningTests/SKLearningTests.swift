import Foundation
import IsingCore
import XCTest
@testable import Learning

/// Seed 004's Sherrington-Kirkpatrick experiment: the Λ_av proxy and the learning rate
/// that an unknown sampling temperature induces.
final class SKLearningTests: XCTestCase {
    /// An SK instance on n spins: couplings Gaussian with σ = ζ/√n, no fields.
    func skModel(_ n: Int, zeta: Double, seed: UInt64) -> BinaryQuadraticModel {
        var rng = Xoshiro256(seed: seed)
        var m = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<n { m.addVariable(.int(i)) }
        let sigma = zeta / Double(n).squareRoot()
        for i in 0..<n { for j in (i + 1)..<n { m.addQuadratic(index: i, index: j, sigma * rng.nextGaussian()) } }
        return m
    }

    /// log Q(s) of every state of a small model, by enumeration (state bits: bit i set when s_i = +1).
    func logProbabilities(_ m: BinaryQuadraticModel) -> [Double] {
        let n = m.count
        let energies = (0..<(1 << n)).map { bits in m.energy((0..<n).map { Int8((bits >> $0) & 1 == 1 ? 1 : -1) }) }
        let top = energies.map { -$0 }.max() ?? 0
        let logZ = top + Foundation.log(energies.reduce(0.0) { $0 + Foundation.exp(-$1 - top) })
        return energies.map { -$0 - logZ }
    }

    /// Λ_av of exact samples of Q estimates Σ_s Q(s) log Q(s) = −(the entropy of Q): for
    /// 20000 samples of an 8-spin instance at ζ = 2 the estimate is within four standard
    /// errors (the spread of log Q over Q, divided by √20000) of the enumerated value.
    func testLambdaAverageOfExactSamplesIsMinusTheEntropy() throws {
        let truth = skModel(8, zeta: 2, seed: 7)
        let logQ = logProbabilities(truth)
        let negEntropy = logQ.reduce(0.0) { $0 + Foundation.exp($1) * $1 }
        let second = logQ.reduce(0.0) { $0 + Foundation.exp($1) * $1 * $1 }
        let count = 20000
        let standardError = (second - negEntropy * negEntropy).squareRoot() / Double(count).squareRoot()
        let samples = try Dataset.exactSamples(of: truth, count: count, seed: 11)
        let lambda = try LearningMetrics.lambdaAverage(samples, trueModel: truth)
        XCTAssertEqual(lambda, negEntropy, accuracy: 4 * standardError)
        XCTAssertGreaterThan(standardError, 0)
        // The proxy is exactly the mean of log Q over the rows.
        var mean = 0.0
        for r in 0..<samples.count {
            let row = samples.row(r)
            var bits = 0
            for i in 0..<8 where row[row.startIndex + i] > 0 { bits |= 1 << i }
            mean += logQ[bits]
        }
        XCTAssertEqual(lambda, mean / Double(count), accuracy: 1e-9)
    }

    /// Λ_av is evaluated at the inverse temperature it is given: at β the samples' mean
    /// −β E minus log Z(β), checked on a single spin by hand.
    func testLambdaAverageAtAnotherBeta() throws {
        var truth = BinaryQuadraticModel(vartype: .spin)
        truth.addLinear(.int(0), 0.5)
        let samples = try Dataset(rows: [[1], [1], [-1], [1]])
        let beta = 2.0
        let logZ = Foundation.log(Foundation.exp(-beta * 0.5) + Foundation.exp(beta * 0.5))
        let expected = -beta * (0.5 + 0.5 - 0.5 + 0.5) / 4 - logZ
        XCTAssertEqual(try LearningMetrics.lambdaAverage(samples, trueModel: truth, beta: beta), expected, accuracy: 1e-12)
    }

    /// Seed 004's remark (ii): a sampler at an unknown inverse temperature β learns the
    /// parameters βJ at the learning rate βη. Exact-gradient training whose negative phase is
    /// sampled at β = 3 with lr 0.01 follows, scaled by 3, the β = 1 run with lr 0.03.
    func testSamplingTemperatureRescalesTheLearningRate() throws {
        let truth = skModel(6, zeta: 2, seed: 3)
        let data = try Dataset.exactSamples(of: truth, count: 150, seed: 4)
        func run(beta: Double, lr: Double) throws -> VisibleBoltzmannMachine {
            let m = try VisibleBoltzmannMachine(graph: try GraphGenerators.complete(6), initialScale: 0, seed: 1)
            var settings = TrainingSettings(hyper: HyperParameters(learningRate: lr, l2: 0, momentum: 0, reads: 1), steps: 300, seed: 1)
            settings.threads = 1
            try TrainingLoop(model: m, data: data, sampler: try ExactSolver(beta: beta), settings: settings).run()
            return m
        }
        let cold = try run(beta: 3, lr: 0.01), warm = try run(beta: 1, lr: 0.03)
        var largest = 0.0
        for (a, b) in zip(cold.parameters, warm.parameters) {
            XCTAssertEqual(3 * a, b, accuracy: 1e-9)
            largest = max(largest, abs(b))
        }
        // The run went somewhere: the couplings are far from their zero start.
        XCTAssertGreaterThan(largest, 0.3)
    }

    /// The exact gradient on a 15-spin SK instance at ζ = 2 raises Λ_av of the model's exact
    /// samples from that of uniform noise (−log Z, below −15 for this instance) towards the
    /// data's, and 500 iterations at lr 0.01 end within 2 of it (seed 004's Fig. 7 setting).
    func testExactGradientApproachesTheDataProxy() throws {
        let truth = skModel(15, zeta: 2, seed: 5)
        let data = try Dataset.exactSamples(of: truth, count: 150, seed: 6)
        let target = try LearningMetrics.lambdaAverage(data, trueModel: truth)
        let m = try VisibleBoltzmannMachine(graph: try GraphGenerators.complete(15), seed: 2)
        let start = try LearningMetrics.lambdaAverage(try m.sample(150, sampler: try ExactSolver(), seed: 8), trueModel: truth)
        var settings = TrainingSettings(hyper: HyperParameters(learningRate: 0.01, l2: 0, momentum: 0, reads: 150), steps: 500, seed: 1)
        settings.threads = 1
        try TrainingLoop(model: m, data: data, sampler: try ExactSolver(), settings: settings).run()
        let end = try LearningMetrics.lambdaAverage(try m.sample(150, sampler: try ExactSolver(), seed: 8), trueModel: truth)
        XCTAssertLessThan(start, -15)
        XCTAssertGreaterThan(end, start + 8)
        XCTAssertLessThan(abs(end - target), 2)
    }
}
