import XCTest
import Foundation
import IsingCore
@testable import Learning

final class HelmholtzTests: XCTestCase {
    /// Four-pixel spin data: two patterns and a noisy copy.
    let data: [Double] = [1, 1, -1, -1,  1, 1, -1, -1,  -1, -1, 1, 1,  -1, -1, 1, 1,  1, 1, 1, -1]

    func dataset() throws -> Dataset { try Dataset(values: data, dimension: 4, name: "patterns") }

    /// K3 embedded into a ring of six qubits: chains {0, 1}, {2, 3}, {4, 5}, one coupler
    /// inside each chain and one between each pair of chains.
    func ringEmbedding() throws -> Embedding {
        let source = try Graph(nodes: [.int(0), .int(1), .int(2)], edges: [(.int(0), .int(1)), (.int(0), .int(2)), (.int(1), .int(2))])
        let target = try Graph(nodes: (0..<6).map { .int($0) }, edges: (0..<6).map { (.int($0), .int(($0 + 1) % 6)) })
        return Embedding(source: source, target: target, chains: [[0, 1], [2, 3], [4, 5]])
    }

    func loop(_ m: HelmholtzMachine, sampler: any Sampler, lr: LearningRate, steps: Int, batch: Int?, reads: Int,
              checkpoint: String? = nil, every: Int = 100) throws -> TrainingLoop {
        let hyper = HyperParameters(learningRate: lr.rate(at: 0), l2: 0, momentum: 0, reads: reads, schedule: lr)
        let settings = TrainingSettings(hyper: hyper, batchSize: batch, steps: steps, seed: 11, threads: 2,
                                        checkpointPath: checkpoint, checkpointEvery: every)
        return try TrainingLoop(model: m, data: try dataset(), sampler: sampler, settings: settings)
    }

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

    /// Wake-sleep through the training loop raises the exact bound of eq. 3 (and the
    /// exact log-likelihood) well above the 4 log(1/2) = -2.77 of a machine that knows nothing.
    func testTheLoopRaisesTheBound() throws {
        let m = try HelmholtzMachine(sizes: [4, 3, 2], seed: 2, scale: 0.1)
        let before = try m.exactBound(data)
        let l = try loop(m, sampler: try ExactSolver(), lr: .constant(0.05), steps: 400, batch: nil, reads: 200)
        try l.run()
        let after = try m.exactBound(data)
        XCTAssertGreaterThan(after.bound, before.bound + 0.5)
        XCTAssertGreaterThan(after.logLikelihood, 4 * log(0.5) + 0.5)
        XCTAssertLessThanOrEqual(after.bound, after.logLikelihood + 1e-12)
        // The history's bound column is the exact bound at the start of each step.
        let bounds = try XCTUnwrap(l.history.column("bound"))
        XCTAssertEqual(bounds.count, 400)
        XCTAssertEqual(bounds[0], before.bound, accuracy: 1e-12)
        XCTAssertGreaterThan(bounds[399], bounds[0] + 0.5)
    }

    /// A run split by a checkpoint (written, read back from the file and resumed with a new
    /// sampler) ends with exactly the parameters, history and learning rates of the
    /// uninterrupted run, with mini-batches and a decaying learning rate.
    func testCheckpointResumeIsBitForBit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("helmholtz-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schedule = LearningRate.linear(start: 0.08, end: 0.01, steps: 25)
        let whole = try HelmholtzMachine(sizes: [4, 3, 2], seed: 5, scale: 0.3)
        let uninterrupted = try loop(whole, sampler: try ExactSolver(), lr: schedule, steps: 30, batch: 2, reads: 50)
        try uninterrupted.run()

        let first = try HelmholtzMachine(sizes: [4, 3, 2], seed: 5, scale: 0.3)
        let part = try loop(first, sampler: try ExactSolver(), lr: schedule, steps: 30, batch: 2, reads: 50, checkpoint: path, every: 13)
        try part.run(steps: 13)
        let contents = try Checkpoint.read(path)
        XCTAssertEqual(contents.step, 13)
        XCTAssertEqual(contents.settings.hyper.schedule, schedule)
        let resumed = try Checkpoint.resume(contents, sampler: try ExactSolver())
        XCTAssertFalse(resumed.model === first)
        try resumed.run()
        XCTAssertEqual(resumed.step, 30)
        XCTAssertEqual(resumed.model.parameters, whole.parameters)
        for name in ["lr", "wake_logp", "sleep_logq", "bound", "A_max", "J_min"] {
            XCTAssertEqual(resumed.history.column(name), uninterrupted.history.column(name), name)
        }
        let rates = try XCTUnwrap(uninterrupted.history.column("lr"))
        XCTAssertEqual(rates[0], 0.08)
        XCTAssertEqual(rates[29], 0.01)
        XCTAssertEqual(rates[10], schedule.rate(at: 10))
    }

    /// On a physical prior the wake side copies each deepest unit onto its chain (eq. 20):
    /// couplers inside a chain see ⟨z z⟩ = 1, the others the units' correlation.
    func testReplicaMomentsOfAPhysicalPrior() throws {
        let m = try HelmholtzMachine(sizes: [4, 3], priorEmbedding: try ringEmbedding(), chainCoupling: -0.8, seed: 1)
        XCTAssertEqual(m.prior.count, 6)
        XCTAssertEqual(m.priorEdges.count, 6)
        let u: [Double] = [1, 1, -1,  1, -1, -1]
        let q = m.wakeMoments(u, rows: 2)
        XCTAssertEqual(q.mean, [1, 1, 0, 0, -1, -1])
        for (k, (a, b)) in m.priorEdges.enumerated() {
            let chainA = a / 2, chainB = b / 2
            let expected = chainA == chainB ? 1.0 : (u[chainA] * u[chainB] + u[3 + chainA] * u[3 + chainB]) / 2
            XCTAssertEqual(q.pairs[k], expected, "edge \(a)-\(b)")
            XCTAssertEqual(m.priorCoupling[k], chainA == chainB ? -0.8 : 0)
        }
    }

    /// A physical prior trains through the loop, stays inside its device ranges, and
    /// resumes bit for bit; its samples are read back by majority vote.
    func testPhysicalPriorTrainsWithinRangesAndResumes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("helmholtz-phys-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func machine() throws -> HelmholtzMachine {
            let m = try HelmholtzMachine(sizes: [4, 3], priorEmbedding: try ringEmbedding(), chainCoupling: -1, seed: 3, scale: 0.2)
            m.priorRanges = (-0.5...0.5, -0.3...0.25)
            return m
        }
        let whole = try machine()
        let uninterrupted = try loop(whole, sampler: try ExactSolver(), lr: .constant(0.2), steps: 40, batch: nil, reads: 100)
        try uninterrupted.run()
        XCTAssertTrue(whole.priorField.allSatisfy { (-0.5...0.5).contains($0) })
        XCTAssertTrue(whole.priorCoupling.allSatisfy { (-0.3...0.25).contains($0) })
        // Replicated wake states never break a chain, so the chains' couplings are pushed
        // to the ferromagnetic end of the range and held there.
        for (k, (a, b)) in whole.priorEdges.enumerated() where a / 2 == b / 2 { XCTAssertEqual(whole.priorCoupling[k], -0.3) }
        let breaks = try XCTUnwrap(uninterrupted.history.column("chain_breaks"))
        XCTAssertTrue(breaks.allSatisfy { $0 >= 0 && $0 <= 1 })

        let part = try loop(try machine(), sampler: try ExactSolver(), lr: .constant(0.2), steps: 40, batch: nil, reads: 100,
                            checkpoint: path, every: 17)
        try part.run(steps: 17)
        let resumed = try Checkpoint.resume(try Checkpoint.read(path), sampler: try ExactSolver())
        try resumed.run()
        XCTAssertEqual(resumed.model.parameters, whole.parameters)
        let restored = try XCTUnwrap(resumed.model as? HelmholtzMachine)
        XCTAssertEqual(restored.priorRanges?.J, -0.3...0.25)

        // Strong fields on one chain's qubits: every sample's majority vote is +1 there.
        whole.priorField = [-2, -2, 0, 0, 0, 0]
        whole.priorCoupling = [Double](repeating: 0, count: 6)
        var rng = Xoshiro256(seed: 1)
        let s = try whole.samplePrior(try ExactSolver(), count: 400, seed: 2, rng: &rng)
        let plus = (0..<s.rows).filter { s.u[$0 * 3] == 1 }.count
        // P(both qubits +1) = (e^2 / (e^2 + e^-2))^2 = 0.9640; a tie (probability 0.0353) is broken evenly.
        XCTAssertEqual(Double(plus) / Double(s.rows), 0.9640 + 0.0353 / 2, accuracy: 0.03)
    }

    /// Broken chains read by majority (a tie is a coin), and by the lower prior energy
    /// given the other chains; the chains' energy is the qubits' energy of the replicated
    /// state up to the constant of the couplers inside chains.
    func testChainReadouts() throws {
        let m = try HelmholtzMachine(sizes: [4, 3], priorEmbedding: try ringEmbedding(), chainCoupling: -1, seed: 1)
        m.priorField = [0.25, 0.25, 0, 0, -0.5, 0.125]
        for (k, (a, b)) in m.priorEdges.enumerated() {
            switch (min(a, b), max(a, b)) {
            case (1, 2): m.prior.J[k] = -1      // chains 0 and 1 agree
            case (3, 4): m.prior.J[k] = 0.5     // chains 1 and 2 disagree
            case (0, 5): m.prior.J[k] = 0.75    // chains 2 and 0 disagree
            default: break
            }
        }
        let logical = m.logicalPriorEnergy(chains: [[0, 1], [2, 3], [4, 5]])
        XCTAssertEqual(logical.field, [0.5, 0, -0.375])
        let inside = m.chainCouplers.reduce(0) { $0 + m.priorCoupling[$1] }
        for bits in 0..<8 {
            let u: [Double] = (0..<3).map { (bits >> $0) & 1 == 1 ? 1 : -1 }
            let z = [u[0], u[0], u[1], u[1], u[2], u[2]].map { Int8($0) }
            var chains = 0.0
            for i in 0..<3 {
                chains += logical.field[i] * u[i]
                for j in (i + 1)..<3 { chains += logical.coupling[i * 3 + j] * u[i] * u[j] }
            }
            XCTAssertEqual(chains + inside, m.prior.bqm.energy(z), accuracy: 1e-12, "state \(u)")
        }
        // Chain 1 is split evenly in both reads; given chains 0 and 2 its field is
        // -1 * u0 + 0.5 * u2, so the lower energy is u1 = +1 in the first read, -1 in the second.
        let reads: [Int8] = [1, 1, 1, -1, -1, -1,   -1, -1, -1, 1, 1, 1]
        var rng = Xoshiro256(seed: 5)
        m.chainReadout = .minimizeEnergy
        XCTAssertEqual(m.readChains(reads, rows: 2, chains: [[0, 1], [2, 3], [4, 5]], rng: &rng), [1, 1, -1,  -1, -1, 1])
        m.chainReadout = .majority
        let many = [Int8](repeating: 0, count: 400 * 6).enumerated().map { reads[$0.offset % 6] }
        let u = m.readChains(many, rows: 400, chains: [[0, 1], [2, 3], [4, 5]], rng: &rng)
        XCTAssertTrue((0..<400).allSatisfy { u[$0 * 3] == 1 && u[$0 * 3 + 2] == -1 })
        let ups = (0..<400).filter { u[$0 * 3 + 1] == 1 }.count
        XCTAssertEqual(Double(ups) / 400, 0.5, accuracy: 0.1)   // a fair coin: 5 standard deviations
        m.chainReadout = .minimizeEnergy
        let copy = try HelmholtzMachine.load(from: m.snapshot())
        XCTAssertEqual(copy.chainReadout, .minimizeEnergy)
    }

    /// Generation with `discard`: only reads with every chain whole are kept (picked out
    /// exactly on hand-made reads), the sampler is asked again until enough are kept, the
    /// same seed gives the same rows, and a prior whose chains always break is an error.
    func testDiscardGenerationKeepsWholeReads() throws {
        let m = try HelmholtzMachine(sizes: [4, 3], priorEmbedding: try ringEmbedding(), chainCoupling: -0.2, seed: 2, scale: 0.5)
        let chains = [[0, 1], [2, 3], [4, 5]]
        let reads: [Int8] = [1, 1, -1, -1, 1, 1,   1, 1, 1, -1, 1, 1,   -1, -1, -1, -1, -1, -1,   1, -1, 1, 1, 1, 1]
        XCTAssertEqual(m.intactReads(reads, rows: 4, chains: chains), [0, 2])
        let sampler = try ExactSolver(beta: 1)
        var rng = Xoshiro256(seed: 1)
        let probe = try m.samplePrior(sampler, count: 2000, seed: 3, rng: &rng)
        let wholeShare = Double(m.intactReads(probe.z, rows: probe.rows, chains: chains).count) / 2000
        XCTAssertLessThan(wholeShare, 0.8)   // weak chains break often, so discarding needs more reads
        let a = try m.generateVisible(sampler, count: 300, seed: 7, readout: .discard)
        let b = try m.generateVisible(sampler, count: 300, seed: 7, readout: .discard)
        XCTAssertEqual(a.count, 300 * 4)
        XCTAssertEqual(a, b)
        for k in m.chainCouplers { m.prior.J[k] = 2 }   // antiferromagnetic chains: never whole
        XCTAssertThrowsError(try m.generateVisible(sampler, count: 5, seed: 7, readout: .discard)) {
            XCTAssertTrue("\($0)".contains("had every chain whole"), "\($0)")
        }
    }

    /// With `fixedChainCoupling` the couplers inside chains keep their value while the
    /// couplers between chains learn; the setting survives a snapshot.
    func testFixedChainCouplers() throws {
        let m = try HelmholtzMachine(sizes: [4, 3], priorEmbedding: try ringEmbedding(), chainCoupling: -0.4, seed: 3, scale: 0.2)
        m.fixedChainCoupling = -0.4
        XCTAssertEqual(m.chainCouplers.count, 3)
        try loop(m, sampler: try ExactSolver(), lr: .constant(0.2), steps: 20, batch: nil, reads: 100).run()
        for k in m.chainCouplers { XCTAssertEqual(m.priorCoupling[k], -0.4) }
        let between = m.priorCoupling.indices.filter { !m.chainCouplers.contains($0) }
        XCTAssertTrue(between.contains { m.priorCoupling[$0] != 0 })
        let copy = try HelmholtzMachine.load(from: m.snapshot())
        XCTAssertEqual(copy.fixedChainCoupling, -0.4)
    }

    func testSnapshotRoundTripAndErrors() throws {
        let m = try HelmholtzMachine(sizes: [5, 4, 3], visible: .tanh, seed: 4, scale: 0.5)
        m.priorField = [0.1, -0.2, 0.3]
        let copy = try HelmholtzMachine.load(from: try JSON.parse(JSON.write(m.snapshot()), name: "snapshot"))
        XCTAssertEqual(copy.parameters, m.parameters)
        XCTAssertEqual(copy.visible, .tanh)
        XCTAssertEqual(m.parameterGroups.map(\.name), ["A", "a", "B", "b", "h", "J"])
        XCTAssertEqual(m.parameterGroups.last?.range.upperBound, m.parameters.count)
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [3, 3], priorEdges: [(0, 3)], seed: 1))
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [3], seed: 1))
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [4, 2], priorEmbedding: try ringEmbedding(), chainCoupling: -1, seed: 1))
        // Tanh units learn values in [-1, 1] only; spin units ±1 only.
        XCTAssertThrowsError(try m.prepare(for: try Dataset(values: [0, 0.5, 2, 0, 0], dimension: 5)))
        XCTAssertThrowsError(try HelmholtzMachine(sizes: [5, 2], seed: 1).prepare(for: try Dataset(values: [0, 1, 1, 1, 1], dimension: 5)))
    }

    func testPriorModelMatchesItsParameters() throws {
        let m = try HelmholtzMachine(sizes: [3, 3], priorEdges: [(0, 2)], seed: 1)
        m.priorField = [0.1, 0.2, 0.3]
        m.priorCoupling = [-0.5]
        XCTAssertEqual(m.priorModel().energy([1, -1, 1]), 0.1 - 0.2 + 0.3 - 0.5, accuracy: 1e-12)
    }
}
