import Foundation
import IsingCore
import XCTest
@testable import Learning

/// RBMs in the generic training loop: a run checkpointed at step k and resumed from the
/// file ends with exactly the parameters, momentum, persistent chains and history of the
/// uninterrupted run, for every negative phase; bad checkpoint files are refused with a
/// message.
final class RBMCheckpointTests: XCTestCase {
    /// `rows` random rows of `width` ±1 values; with `labels`, the last `labels` columns
    /// are a one-hot class (+1 for the class, -1 elsewhere).
    func randomData(_ width: Int, rows: Int, labels: Int = 0, seed: UInt64) throws -> Dataset {
        var rng = Xoshiro256(seed: seed)
        var values: [Double] = []
        for _ in 0..<rows {
            for _ in 0..<(width - labels) { values.append(rng.next() & 1 == 0 ? -1 : 1) }
            if labels > 0 {
                let y = rng.nextInt(below: labels)
                for l in 0..<labels { values.append(l == y ? 1 : -1) }
            }
        }
        return try Dataset(values: values, dimension: width)
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qrepl-rbm-checkpoint-\(UUID().uuidString).json").path
    }

    func settings(_ path: String?, steps: Int = 23, schedule: LearningRate? = nil, reads: Int = 16) -> TrainingSettings {
        TrainingSettings(hyper: HyperParameters(learningRate: 0.05, l2: 1e-3, momentum: 0.5, reads: reads, schedule: schedule),
                         batchSize: 7, steps: steps, seed: 41, threads: 2, checkpointPath: path, checkpointEvery: 4)
    }

    /// Runs `make()` without interruption, and again stopping at step 10 (last checkpoint
    /// at 8) and resuming from the file; asserts both end identically.
    func assertResumeMatches(_ make: () throws -> RBMTrainable, data: Dataset, sampler: any Sampler,
                             schedule: LearningRate? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try TrainingLoop(model: try make(), data: data, sampler: sampler, settings: settings(nil, schedule: schedule))
        try whole.run()

        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try TrainingLoop(model: try make(), data: data, sampler: sampler, settings: settings(path, schedule: schedule))
        try first.run(steps: 10)
        let resumed = try Checkpoint.resume(try Checkpoint.read(path), sampler: sampler)
        XCTAssertEqual(resumed.step, 8, file: file, line: line)
        try resumed.run()
        XCTAssertEqual(resumed.step, whole.step, file: file, line: line)
        XCTAssertEqual(resumed.model.parameters, whole.model.parameters, file: file, line: line)
        XCTAssertEqual(resumed.velocity, whole.velocity, file: file, line: line)
        let a = try XCTUnwrap(resumed.model as? RBMTrainable), b = try XCTUnwrap(whole.model as? RBMTrainable)
        XCTAssertEqual(a.persistent, b.persistent, file: file, line: line)
        XCTAssertEqual(a.phase.name, b.phase.name, file: file, line: line)
        XCTAssertEqual(resumed.history.columns, whole.history.columns, file: file, line: line)
        for name in whole.history.columns where name != "time" {
            XCTAssertEqual(resumed.history.column(name), whole.history.column(name), "history column \(name)", file: file, line: line)
        }
    }

    /// CD-2 with momentum, L2, a step schedule and a short last batch (30 rows in batches of 7).
    func testCDResumesExactly() throws {
        let data = try randomData(9, rows: 30, seed: 1)
        try assertResumeMatches({ RBMTrainable(try RBM(visible: 9, hidden: 5, seed: 3, scale: 0.1), phase: .cd(k: 2)) },
                                data: data, sampler: ChainPhaseSampler(name: "cd"), schedule: .step(start: 0.08, every: 5, factor: 0.7))
    }

    /// PCD with one chain per batch row (the chains survive the checkpoint), on spin units.
    func testPCDResumesExactlyWithItsChains() throws {
        let data = try randomData(8, rows: 30, seed: 2)
        try assertResumeMatches({ RBMTrainable(try RBM(visible: 8, hidden: 6, units: .spin, seed: 4, scale: 0.1), phase: .pcd(k: 1, chains: 0)) },
                                data: data, sampler: ChainPhaseSampler(name: "pcd"))
        try assertResumeMatches({ RBMTrainable(try RBM(visible: 8, hidden: 6, seed: 4, scale: 0.1), phase: .pcd(k: 3, chains: 11)) },
                                data: data, sampler: ChainPhaseSampler(name: "pcd"), schedule: .linear(start: 0.1, end: 0.01, steps: 20))
    }

    /// A sampler negative phase: seeded Gibbs chains on the machine's QUBO at temperature 1.5.
    func testSamplerPhaseResumesExactly() throws {
        let data = try randomData(6, rows: 30, seed: 3)
        let gibbs = try MCMCSampler(kind: .gibbs, sweeps: 4, beta: 1, burnIn: 0, thin: 1, scan: .sequential)
        try assertResumeMatches({ RBMTrainable(try RBM(visible: 6, hidden: 4, seed: 5, scale: 0.1),
                                               phase: .sampler(gibbs, reads: 16, temperature: 1.5)) },
                                data: data, sampler: gibbs)
    }

    /// The hybrid objective on a machine with a label block: the discriminative weight and
    /// the generative one are kept in the checkpoint.
    func testDiscriminativeWeightsResumeExactly() throws {
        let data = try randomData(10, rows: 30, labels: 3, seed: 4)
        try assertResumeMatches({ RBMTrainable(try RBM(visible: 10, hidden: 5, labels: 3, seed: 6, scale: 0.1), phase: .pcd(k: 1, chains: 5),
                                               generative: 0.5, discriminative: 2) },
                                data: data, sampler: ChainPhaseSampler(name: "pcd"))
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loop = try TrainingLoop(model: RBMTrainable(try RBM(visible: 10, hidden: 5, labels: 3, seed: 6), generative: 0, discriminative: 1),
                                    data: data, sampler: ChainPhaseSampler(name: "cd"), settings: settings(path, steps: 4))
        try loop.run()
        let model = try XCTUnwrap(try Checkpoint.read(path).model as? RBMTrainable)
        XCTAssertEqual(model.generative, 0)
        XCTAssertEqual(model.discriminative, 1)
        XCTAssertNotNil(loop.history.column("cond_loglik"))
    }

    /// A snapshot loads back with bit-for-bit the same parameters, phase and chains.
    func testSnapshotRoundTripsExactly() throws {
        let m = RBMTrainable(try RBM(visible: 7, hidden: 3, units: .spin, labels: 2, seed: 9, scale: 0.7), phase: .pcd(k: 4, chains: 2))
        m.persistent = [1, -1, 1, -1, -1, 1]
        let back = try RBMTrainable.load(from: try JSON.parse(JSON.write(m.snapshot()), name: "snapshot"))
        XCTAssertEqual(back.rbm.weights, m.rbm.weights)
        XCTAssertEqual(back.rbm.visibleBias, m.rbm.visibleBias)
        XCTAssertEqual(back.rbm.units, .spin)
        XCTAssertEqual(back.rbm.labels, 2)
        XCTAssertEqual(back.persistent, m.persistent)
        guard case .pcd(4, 2) = back.phase else { return XCTFail("phase \(back.phase.name)") }
        XCTAssertTrue(try ModelRegistry.load(m.snapshot()) is RBMTrainable)
    }

    /// PCD with one chain per batch row keeps the first batch's chain count when an
    /// epoch's last batch is shorter (no chain is read past its end).
    func testPCDChainCountIsFixedByTheFirstBatch() throws {
        let data = try randomData(5, rows: 9, seed: 7)
        let model = RBMTrainable(try RBM(visible: 5, hidden: 3, seed: 1), phase: .pcd(k: 1, chains: 0))
        let loop = try TrainingLoop(model: model, data: data, sampler: ChainPhaseSampler(name: "pcd"), settings: settings(nil, steps: 6))
        try loop.run()                       // batches of 7, 2, 7, 2, ...
        XCTAssertEqual(model.persistent?.count, 7 * 3)
    }

    /// Truncated files, files of another kind and snapshots of the wrong shape are refused
    /// with a message naming the problem.
    func testBadCheckpointsAreRefused() throws {
        let data = try randomData(6, rows: 12, seed: 8)
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loop = try TrainingLoop(model: RBMTrainable(try RBM(visible: 6, hidden: 4, seed: 1), phase: .pcd(k: 1, chains: 3)), data: data,
                                    sampler: ChainPhaseSampler(name: "pcd"), settings: settings(path, steps: 4))
        try loop.run()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        func message(_ contents: String) -> String {
            do {
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
                _ = try Checkpoint.resume(try Checkpoint.read(path), sampler: ChainPhaseSampler(name: "pcd"))
                return "no error"
            } catch let e as IsingError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(message(text).prefix(8), "no error")
        XCTAssertTrue(message(String(text.prefix(text.count / 2))).contains("expected"), message(String(text.prefix(text.count / 2))))
        XCTAssertTrue(message("{\"format\": \"qrepl-model\"}").contains("is not a training checkpoint"))
        let root = try JSON.parse(text, name: path)
        func edited(_ key: String, _ value: JSONNode) -> String {
            guard case .object(var members) = root.value, let i = members.firstIndex(where: { $0.key == "model" }),
                  case .object(var model) = members[i].value.value,
                  let k = model.firstIndex(where: { $0.key == key }) else { return "" }
            model[k].value = value
            members[i].value = JSONNode(.object(model))
            return JSON.write(JSONNode(.object(members)))
        }
        XCTAssertEqual(message(edited("W", JSON.array([JSON.number(1)]))), "the saved RBM's \"W\" holds 1 numbers, expected 24")
        XCTAssertEqual(message(edited("visible", JSON.integer(0))),
                       "an RBM needs between 1 and 1000000 visible and hidden units, got (0, 4)")
        XCTAssertEqual(message(edited("persistent", JSON.array([JSON.number(1), JSON.number(0)]))),
                       "the persistent chains hold 2 values, not whole rows of 4 hidden units")
        XCTAssertEqual(message(edited("persistent", JSON.array((0..<12).map { _ in JSON.number(0.5) }))),
                       "the saved RBM's persistent chains must hold only 0.0 and 1.0")
        XCTAssertEqual(message(edited("units", JSON.string("ternary"))), "the saved RBM's \"units\" must be \"bernoulli\" or \"spin\"")
        XCTAssertEqual(message(edited("kind", JSON.string("boltzmann"))), "cannot load a saved boltzmann model: no loader is registered for it")
        XCTAssertEqual(message(edited("visible", JSON.integer(7))), "the saved RBM's \"W\" holds 24 numbers, expected 28")
        XCTAssertEqual(message(edited("b", JSON.array((0..<5).map { _ in JSON.number(0) }))), "the saved RBM's \"b\" holds 5 numbers, expected 6")
        XCTAssertEqual(message(edited("labels", JSON.integer(6))), "`labels` must be between 0 and visible - 1, got 6")
        XCTAssertEqual(message(edited("phase", JSON.object([("method", JSON.string("pcd")), ("k", JSON.integer(0)), ("chains", JSON.integer(3))]))),
                       "`k` must be between 1 and 100000, got 0")
        let velocity = text.replacingOccurrences(of: "\"velocity\": [", with: "\"velocity\": [0.0, ")
        XCTAssertEqual(message(velocity), "the checkpoint's momentum has 35 entries for 34 parameters")
    }
}
