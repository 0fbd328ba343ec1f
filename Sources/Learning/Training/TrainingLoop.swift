import Foundation
import IsingCore

/// The settings of a training run that stay fixed while it runs.
public struct TrainingSettings: Sendable {
    public var hyper: HyperParameters
    /// Rows per step; nil (or at least the data's size) uses all the data every step.
    public var batchSize: Int?
    /// Steps that `run()` goes to in all.
    public var steps: Int
    /// The run's seed: batch order and every sampler call derive from it and the step number.
    public var seed: UInt64
    /// Threads the sampler may use (results do not depend on it).
    public var threads: Int
    /// Allowed ranges by parameter group name ("h", "J"): a step that would take a
    /// parameter outside its range is not applied and training stops (seed 004's criterion).
    public var stopOutside: [String: ClosedRange<Double>]
    /// Where to write checkpoints, and every how many steps.
    public var checkpointPath: String?
    public var checkpointEvery: Int

    public init(hyper: HyperParameters = HyperParameters(), batchSize: Int? = nil, steps: Int = 1000, seed: UInt64 = 0,
                threads: Int = 1, stopOutside: [String: ClosedRange<Double>] = [:], checkpointPath: String? = nil,
                checkpointEvery: Int = 100) {
        self.hyper = hyper; self.batchSize = batchSize; self.steps = steps; self.seed = seed; self.threads = threads
        self.stopOutside = stopOutside; self.checkpointPath = checkpointPath; self.checkpointEvery = checkpointEvery
    }
}

/// A training run as a value: a model, its data, a sampler for the negative phase and
/// the settings, plus where the run has got to (step, momentum, history). `run` may be
/// called many times; each call continues where the last stopped, so a run interrupted
/// (Ctrl-C) or split into pieces ends exactly where an uninterrupted one would.
///
/// Randomness: the batch order of epoch e is a permutation seeded by (seed, e) and the
/// sampler of step t gets the seed (seed, t), so no generator state needs saving; a
/// checkpoint holds the model, the momentum buffer, the step and the history.
public final class TrainingLoop: @unchecked Sendable {
    public let model: any TrainableModel
    public let data: Dataset
    public var sampler: any Sampler
    public let settings: TrainingSettings
    /// Steps completed.
    public private(set) var step = 0
    /// The momentum buffer.
    public private(set) var velocity: [Double]
    public var history = TrainingHistory()
    /// Seconds spent in training steps so far (over all `run` calls).
    public private(set) var elapsed = 0.0
    private var epochOrder: (epoch: Int, order: [Int])?

    public init(model: any TrainableModel, data: Dataset, sampler: any Sampler, settings: TrainingSettings) throws {
        guard data.count >= 1 else { throw IsingError("the training data is empty") }
        guard settings.steps >= 0 else { throw IsingError("steps must not be negative") }
        guard settings.hyper.reads >= 1 else { throw IsingError("reads must be at least 1") }
        if let schedule = settings.hyper.schedule { _ = try schedule.validated() }
        guard settings.threads >= 1 else { throw IsingError("threads must be at least 1") }
        guard settings.checkpointEvery >= 1 else { throw IsingError("checkpoints need `every` of at least 1 step") }
        if let b = settings.batchSize, b < 1 { throw IsingError("the batch size must be at least 1") }
        for (name, r) in settings.stopOutside where !model.parameterGroups.contains(where: { $0.name == name }) {
            throw IsingError("the model has no parameters called \(name) to keep in [\(r.lowerBound), \(r.upperBound)]; it has "
                             + model.parameterGroups.map(\.name).joined(separator: ", "))
        }
        try model.prepare(for: data)
        self.model = model
        self.data = data
        self.sampler = sampler
        self.settings = settings
        velocity = [Double](repeating: 0, count: model.parameters.count)
    }

    /// Whether training has stopped early (see `history.stopReason`).
    public var isStopped: Bool { history.stopReason != nil }

    /// Rows per step.
    public var batchSize: Int { min(settings.batchSize ?? data.count, data.count) }

    /// The seed of step `t`'s sampler call.
    public func stepSeed(_ t: Int) -> UInt64 { mixSeed(settings.seed, UInt64(t), 0x5151) }

    /// The rows of step `t`: all the data, or the step's batch of a shuffled epoch.
    public func batch(_ t: Int) throws -> Dataset {
        let b = batchSize
        if b >= data.count { return data }
        let perEpoch = (data.count + b - 1) / b
        let epoch = t / perEpoch, k = t % perEpoch
        if epochOrder?.epoch != epoch {
            var rng = Xoshiro256(seed: mixSeed(settings.seed, UInt64(epoch), 0xE90C))
            epochOrder = (epoch, randomPermutation(data.count, &rng))
        }
        let order = epochOrder?.order ?? Array(0..<data.count)
        return try data.rows(Array(order[(k * b)..<min((k + 1) * b, data.count)]))
    }

    /// Runs up to `steps` more steps (default: until `settings.steps`), calling
    /// `afterStep` after each one (for metrics and callbacks). Stops early when a
    /// parameter would leave its allowed range. On a cancellation request the step in
    /// progress is abandoned, the model keeps its last completed step, and
    /// `CancelledError` is thrown; calling `run` again resumes.
    public func run(steps more: Int? = nil, progress: ((Int, Int) -> Void)? = nil,
                    afterStep: ((Int) throws -> Void)? = nil) throws {
        let target = more.map { step + max(0, $0) } ?? settings.steps
        let total = max(0, target - step)
        var done = 0
        while step < target && !isStopped {
            if Cancellation.isRequested { throw CancelledError() }
            try runOneStep()
            done += 1
            progress?(done, total)
            try afterStep?(step)
            if let path = settings.checkpointPath, step % settings.checkpointEvery == 0 {
                try Checkpoint.write(self, to: path)
            }
        }
    }

    private func runOneStep() throws {
        let start = ProgressClock.now()
        let batch = try batch(step)
        let request = GradientRequest(sampler: sampler, reads: settings.hyper.reads, seed: stepSeed(step), threads: settings.threads,
                                      step: step)
        let before = model.parameters
        var v = velocity
        let hyper = settings.hyper.at(step: step)
        let stats = try model.step(on: batch, request, hyper: hyper, velocity: &v)
        let after = model.parameters
        var row: [(String, Double)] = [("step", Double(step + 1))]
        var reason: String?
        for g in model.parameterGroups {
            let slice = after[g.range.clamped(to: 0..<after.count)]
            let lo = slice.min() ?? .nan, hi = slice.max() ?? .nan
            if reason == nil, let allowed = settings.stopOutside[g.name], !(allowed.contains(lo) && allowed.contains(hi)) {
                let bad = allowed.contains(lo) ? hi : lo
                reason = "step \(step + 1): \(g.name) = \(bad) would leave [\(allowed.lowerBound), \(allowed.upperBound)]; the step was not applied"
            }
        }
        if let reason {
            model.parameters = before
            history.stopReason = reason
            return
        }
        velocity = v
        elapsed += ProgressClock.now() - start
        row.append(("time", elapsed))
        row.append(("grad_norm", stats.gradientNorm))
        if settings.hyper.schedule != nil { row.append(("lr", hyper.learningRate)) }
        for g in model.parameterGroups {
            let slice = after[g.range.clamped(to: 0..<after.count)]
            row.append(("\(g.name)_min", slice.min() ?? .nan))
            row.append(("\(g.name)_max", slice.max() ?? .nan))
        }
        row += stats.statistics
        history.append(row)
        step += 1
    }

    /// Restores the run's progress from a checkpoint's parts.
    func restoreProgress(step: Int, velocity: [Double], history: TrainingHistory, elapsed: Double) throws {
        guard velocity.count == model.parameters.count else {
            throw IsingError("the checkpoint's momentum has \(velocity.count) entries for \(model.parameters.count) parameters")
        }
        self.step = step
        self.velocity = velocity
        self.history = history
        self.elapsed = elapsed
    }
}

/// A seed derived from a base seed and two numbers (SplitMix64 finalisers), so that
/// nearby steps get unrelated streams.
public func mixSeed(_ base: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
    func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    return mix(mix(mix(base) ^ a) ^ (b &* 0xD6E8_FEB8_6659_FD93))
}

/// Monotonic seconds for timing steps.
enum ProgressClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
