import IsingCore
import XCTest
@testable import Learning

/// The visible Boltzmann machine: gradients, learning, encoding, checkpoints.
final class BoltzmannTests: XCTestCase {
    /// A 5-variable machine on the complete graph with fixed random parameters.
    func randomMachine(_ n: Int, seed: UInt64, scale: Double = 0.5) throws -> VisibleBoltzmannMachine {
        try VisibleBoltzmannMachine(graph: try GraphGenerators.complete(n), initialScale: scale, seed: seed)
    }

    func randomData(_ n: Int, rows: Int, seed: UInt64) throws -> Dataset {
        var rng = Xoshiro256(seed: seed)
        return try Dataset(values: (0..<(n * rows)).map { _ in rng.next() & 1 == 0 ? -1 : 1 }, dimension: n)
    }

    /// The exact() gradient equals a central finite difference of the exact mean
    /// log-likelihood, for every field and coupling.
    func testExactGradientEqualsFiniteDifferences() throws {
        let m = try randomMachine(5, seed: 4)
        let data = try randomData(5, rows: 40, seed: 9)
        let g = try m.gradient(on: data, GradientRequest(sampler: try ExactSolver(), reads: 1, seed: 0, threads: 1))
        let theta = m.parameters
        let eps = 1e-5
        for k in theta.indices {
            var plus = theta, minus = theta
            plus[k] += eps
            minus[k] -= eps
            m.parameters = plus
            let lp = try m.logLikelihood(data)
            m.parameters = minus
            let lm = try m.logLikelihood(data)
            XCTAssertEqual(g.ascent[k], (lp - lm) / (2 * eps), accuracy: 1e-7, "parameter \(k)")
        }
        m.parameters = theta
    }

    /// A 6-variable machine trained with the exact gradient on 20000 exact samples of a
    /// known model approaches the true parameters (the statistical error of the moments
    /// is about 0.007, so a tolerance of 0.05 could only fail if learning were wrong).
    func testLearnsTheParametersOfItsOwnExactSamples() throws {
        let truth = try randomMachine(6, seed: 21, scale: 0.4)
        let data = try Dataset.exactSamples(of: truth.bqm, count: 20000, seed: 3)
        let m = try randomMachine(6, seed: 1, scale: 1e-6)
        var settings = TrainingSettings(hyper: HyperParameters(learningRate: 0.2, l2: 0, momentum: 0.5, reads: 1), steps: 400, seed: 1)
        settings.threads = 1
        let loop = try TrainingLoop(model: m, data: data, sampler: try ExactSolver(), settings: settings)
        try loop.run()
        XCTAssertEqual(loop.step, 400)
        for (a, b) in zip(m.parameters, truth.parameters) { XCTAssertEqual(a, b, accuracy: 0.05) }
        // And the gradient has vanished: the model's moments match the data's.
        XCTAssertLessThan(loop.history.column("grad_norm")?.last ?? 1, 1e-6)
    }

    /// On an embedded model the exact gradient with respect to every qubit's field and
    /// every hardware coupling is the derivative of the exact log-likelihood of the
    /// logical data after encoding.
    func testEmbeddedExactGradientEqualsFiniteDifferences() throws {
        let target = try GraphGenerators.grid(2, 3, periodic: false)
        let e = Embedding(source: try GraphGenerators.complete(3), target: target, chains: [[0, 3], [1, 4], [2, 5]])
        let m = try VisibleBoltzmannMachine(embedding: e, initialScale: 0.4, seed: 2)
        let data = try randomData(3, rows: 25, seed: 7)
        let g = try m.gradient(on: data, GradientRequest(sampler: try ExactSolver(), reads: 1, seed: 0, threads: 1))
        let theta = m.parameters
        for k in theta.indices {
            var plus = theta, minus = theta
            plus[k] += 1e-5
            minus[k] -= 1e-5
            m.parameters = plus
            let lp = try m.logLikelihood(data)
            m.parameters = minus
            let lm = try m.logLikelihood(data)
            XCTAssertEqual(g.ascent[k], (lp - lm) / 2e-5, accuracy: 1e-7, "parameter \(k)")
        }
    }

    /// The same seed gives the same training run whatever the number of threads.
    func testTrainingDoesNotDependOnThreadCount() throws {
        let data = try randomData(6, rows: 40, seed: 2)
        let sampler = try MCMCSampler(kind: .gibbs, sweeps: 4, beta: 1, burnIn: 0, thin: 1, scan: .sequential)
        func run(_ threads: Int) throws -> [Double] {
            let s = TrainingSettings(hyper: HyperParameters(learningRate: 0.05, l2: 1e-3, momentum: 0.5, reads: 33),
                                     batchSize: 9, steps: 15, seed: 8, threads: threads)
            let loop = try TrainingLoop(model: try randomMachine(6, seed: 3, scale: 1e-6), data: data, sampler: sampler, settings: s)
            try loop.run()
            return loop.model.parameters
        }
        XCTAssertEqual(try run(1), try run(3))
    }

    /// KL(data ‖ model) by hand for one spin: data 3 × (+1), 1 × (−1); model h = 0.2.
    func testKLOfTheDataOnOneSpin() throws {
        let m = try VisibleBoltzmannMachine(graph: try Graph(nodes: [.int(0)], edges: []), initialScale: 0)
        m.h = [0.2]
        let data = try Dataset(rows: [[1], [1], [1], [-1]])
        let pPlus = exp(-0.2) / (exp(-0.2) + exp(0.2))
        let expected = 0.75 * log(0.75 / pPlus) + 0.25 * log(0.25 / (1 - pPlus))
        XCTAssertEqual(try LearningMetrics.klData(m, data), expected, accuracy: 1e-12)
    }

    /// One step of the default update: v = μ v + η (g − λ θ on couplings), θ += v.
    func testStepAppliesMomentumAndL2OnCouplingsOnly() throws {
        let m = try randomMachine(3, seed: 2)
        let data = try randomData(3, rows: 10, seed: 1)
        let request = GradientRequest(sampler: try ExactSolver(), reads: 1, seed: 0, threads: 1)
        let theta = m.parameters
        let g = try m.gradient(on: data, request).ascent
        var v = [Double](repeating: 0.1, count: theta.count)
        let hyper = HyperParameters(learningRate: 0.01, l2: 0.5, momentum: 0.9, reads: 1)
        _ = try m.step(on: data, request, hyper: hyper, velocity: &v)
        for k in theta.indices {
            let decayed = k >= 3 ? g[k] - 0.5 * theta[k] : g[k]
            let expected = 0.9 * 0.1 + 0.01 * decayed
            XCTAssertEqual(v[k], expected, accuracy: 1e-15)
            XCTAssertEqual(m.parameters[k], theta[k] + expected, accuracy: 1e-15)
        }
    }

    /// A run interrupted by a checkpoint and resumed from the file ends with exactly the
    /// parameters, momentum and history of the uninterrupted run (sampled negative
    /// phase and shuffled mini-batches, so every seed matters).
    func testCheckpointResumeReproducesAnUninterruptedRun() throws {
        let data = try randomData(5, rows: 30, seed: 4)
        let sampler = try MCMCSampler(kind: .gibbs, sweeps: 5, beta: 1, burnIn: 0, thin: 1, scan: .sequential)
        func settings(_ path: String?) -> TrainingSettings {
            TrainingSettings(hyper: HyperParameters(learningRate: 0.05, l2: 1e-3, momentum: 0.5, reads: 20), batchSize: 7,
                             steps: 40, seed: 99, threads: 2, checkpointPath: path, checkpointEvery: 5)
        }
        let whole = try TrainingLoop(model: try randomMachine(5, seed: 8, scale: 1e-6), data: data, sampler: sampler, settings: settings(nil))
        try whole.run()

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qrepl-checkpoint-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try TrainingLoop(model: try randomMachine(5, seed: 8, scale: 1e-6), data: data, sampler: sampler, settings: settings(path))
        try first.run(steps: 17)            // the last checkpoint is at step 15
        let resumed = try Checkpoint.resume(try Checkpoint.read(path), sampler: sampler)
        XCTAssertEqual(resumed.step, 15)
        try resumed.run()
        XCTAssertEqual(resumed.step, 40)
        XCTAssertEqual(resumed.model.parameters, whole.model.parameters)
        XCTAssertEqual(resumed.velocity, whole.velocity)
        XCTAssertEqual(resumed.history.column("grad_norm"), whole.history.column("grad_norm"))
        // The data may be given again (as it must be for sets too large to copy), and other data is refused.
        let contents = try Checkpoint.read(path)
        XCTAssertEqual(try Checkpoint.resume(contents, sampler: sampler, data: data).data, data)
        XCTAssertThrowsError(try Checkpoint.resume(contents, sampler: sampler, data: try randomData(5, rows: 30, seed: 5)))
    }

    /// A cancellation request (Ctrl-C) stops the loop between steps with the model at its
    /// last completed step; running again finishes exactly as an uninterrupted run.
    func testCancellationPausesAndRunResumes() throws {
        let data = try randomData(4, rows: 20, seed: 6)
        let sampler = try MCMCSampler(kind: .gibbs, sweeps: 3, beta: 1, burnIn: 0, thin: 1, scan: .sequential)
        let settings = TrainingSettings(hyper: HyperParameters(learningRate: 0.05, l2: 0, momentum: 0.5, reads: 10),
                                        batchSize: 6, steps: 30, seed: 3, threads: 1)
        let whole = try TrainingLoop(model: try randomMachine(4, seed: 1, scale: 1e-6), data: data, sampler: sampler, settings: settings)
        try whole.run()
        let paused = try TrainingLoop(model: try randomMachine(4, seed: 1, scale: 1e-6), data: data, sampler: sampler, settings: settings)
        defer { Cancellation.reset() }
        XCTAssertThrowsError(try paused.run(afterStep: { step in if step == 12 { Cancellation.request() } })) { error in
            XCTAssertTrue(error is CancelledError)
        }
        XCTAssertEqual(paused.step, 12)
        XCTAssertEqual(paused.history.count, 12)
        Cancellation.reset()
        try paused.run()
        XCTAssertEqual(paused.model.parameters, whole.model.parameters)
    }

    func testStopsBeforeAParameterLeavesItsRange() throws {
        let data = try Dataset(rows: [[1, 1], [-1, -1], [1, 1]])
        var s = TrainingSettings(hyper: HyperParameters(learningRate: 0.5, l2: 0, momentum: 0, reads: 1), steps: 100, seed: 0)
        s.stopOutside = ["J": -0.3...0.3]
        let m = try randomMachine(2, seed: 1, scale: 1e-6)
        let loop = try TrainingLoop(model: m, data: data, sampler: try ExactSolver(), settings: s)
        try loop.run()
        XCTAssertTrue(loop.isStopped)
        XCTAssertLessThan(loop.step, 100)
        XCTAssertTrue(m.J.allSatisfy { abs($0) <= 0.3 })
        XCTAssertNotNil(loop.history.stopReason?.range(of: "J"))
    }

    /// Embedded machines copy each logical value to its chain and decode by majority.
    func testEncodeDecodeRoundTripsThroughChains() throws {
        let target = try GraphGenerators.grid(2, 3, periodic: false)
        // Logical variables 0, 1 carried by chains {0, 1, 2} and {3, 4, 5} of the 2 x 3 grid.
        let e = Embedding(source: try GraphGenerators.complete(2), target: target, chains: [[0, 1, 2], [3, 4, 5]])
        let m = try VisibleBoltzmannMachine(embedding: e)
        XCTAssertEqual(m.count, 6)
        XCTAssertEqual(m.J.count, 7)       // every grid edge between the used qubits
        XCTAssertEqual(m.encode([1, -1][...]), [1, 1, 1, -1, -1, -1])
        XCTAssertEqual(m.decode([1, -1, 1, -1, -1, 1][...]), [1, -1])
        let data = try Dataset(rows: [[1, -1], [-1, -1]])
        let physical = try m.modelData(data)
        XCTAssertEqual(physical.dimension, 6)
        for r in 0..<2 { XCTAssertEqual(m.decode(physical.row(r)), Array(data.row(r))) }
    }

    /// Clamping by fixing variables gives exactly the conditional distribution: with
    /// exact samples of a 2-spin ferromagnet with one spin fixed to +1, the other spin
    /// is +1 with probability e^{J}/(e^{J}+e^{-J}) (here J = −1 in E, so aligned wins).
    func testClampedSamplingFollowsTheConditional() throws {
        let m = try VisibleBoltzmannMachine(graph: try GraphGenerators.complete(2), initialScale: 0)
        m.J = [-1]
        let rows = try m.sampleClamped([0: 1], reads: 20000, sampler: try ExactSolver(), mode: .fix, seed: 5)
        let p = Double(rows.filter { $0[1] == 1 }.count) / 20000
        let exact = exp(1.0) / (exp(1.0) + exp(-1.0))
        XCTAssertEqual(p, exact, accuracy: 4 * (exact * (1 - exact) / 20000).squareRoot())
        XCTAssertTrue(rows.allSatisfy { $0[0] == 1 })
    }

    func testSaveAndLoadKeepTheExactParameters() throws {
        let m = try randomMachine(4, seed: 3)
        m.shape = PictureShape(height: 2, width: 2)
        let back = try VisibleBoltzmannMachine.load(from: try JSON.parse(JSON.write(m.snapshot()), name: "m"))
        XCTAssertEqual(back.h, m.h)
        XCTAssertEqual(back.J, m.J)
        XCTAssertEqual(back.shape, m.shape)
        XCTAssertEqual(back.graph, m.graph)
    }

    /// Λ_av of exact samples approaches its expectation −⟨E⟩ − log Z = −(log Z − S)...
    /// checked directly on a one-spin model where every term is known.
    func testLambdaAverageOnAOneSpinModel() throws {
        var model = BinaryQuadraticModel(vartype: .spin)
        model.addLinear(.int(0), 0.5)
        let samples = try Dataset(rows: [[1], [-1], [-1]])
        let logZ = log(exp(-0.5) + exp(0.5))
        let expected = -(0.5 - 0.5 - 0.5) / 3 - logZ
        XCTAssertEqual(try LearningMetrics.lambdaAverage(samples, trueModel: model), expected, accuracy: 1e-12)
    }
}
