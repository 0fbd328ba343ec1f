import IsingCore

/// A named slice of a model's flat parameter vector, e.g. the fields "h" or the
/// couplings "J" of a Boltzmann machine, or the weights "W" of an RBM.
public struct ParameterGroup: Sendable, Equatable {
    /// The name used in histories ("h_min", "J_max") and in `stop_outside:` ranges.
    public let name: String
    /// Where the group's parameters are in `TrainableModel.parameters`.
    public let range: Range<Int>
    /// Whether L2 regularisation (weight decay) applies to the group: couplings and
    /// weights yes, fields and biases no.
    public let decays: Bool

    public init(name: String, range: Range<Int>, decays: Bool) {
        self.name = name; self.range = range; self.decays = decays
    }
}

/// The hyper-parameters of one gradient step.
public struct HyperParameters: Sendable, Equatable {
    /// Learning rate η (seed 004, Table III: 0.0025).
    public var learningRate: Double
    /// L2 regularisation λ on the parameters of decaying groups (Table III: 1e-5).
    public var l2: Double
    /// Momentum μ on all parameters (Table III: 0.5).
    public var momentum: Double
    /// Model samples drawn for one negative phase.
    public var reads: Int
    /// A schedule for the learning rate (seed 002's linear decay); nil keeps `learningRate`.
    public var schedule: LearningRate?

    public init(learningRate: Double = 0.0025, l2: Double = 1e-5, momentum: Double = 0.5, reads: Int = 100,
                schedule: LearningRate? = nil) {
        self.learningRate = learningRate; self.l2 = l2; self.momentum = momentum; self.reads = reads
        self.schedule = schedule
    }

    /// The hyper-parameters of step `t` (counted from 0): the scheduled learning rate.
    public func at(step t: Int) -> HyperParameters {
        var h = self
        if let schedule { h.learningRate = schedule.rate(at: t) }
        return h
    }
}

/// What a model needs to estimate one gradient: the sampler of its negative phase, the
/// number of reads, the step's own seed (every random choice of the step derives from
/// it, so a step is reproducible on its own) and the threads the sampler may use.
public struct GradientRequest: Sendable {
    public var sampler: any Sampler
    public var reads: Int
    public var seed: UInt64
    public var threads: Int
    /// The number of the step (from 0), for models whose update depends on it.
    public var step: Int

    public init(sampler: any Sampler, reads: Int, seed: UInt64, threads: Int, step: Int = 0) {
        self.sampler = sampler; self.reads = reads; self.seed = seed; self.threads = threads; self.step = step
    }
}

/// A gradient of the mean log-likelihood (the direction of ascent), one entry per
/// parameter, with statistics the model wants recorded in the history.
public struct GradientEstimate: Sendable {
    public var ascent: [Double]
    /// Extra named numbers for the history, e.g. the negative phase's mean energy.
    public var statistics: [(String, Double)]

    public init(ascent: [Double], statistics: [(String, Double)] = []) {
        self.ascent = ascent; self.statistics = statistics
    }
}

/// What a training step reports.
public struct StepStatistics: Sendable {
    /// The Euclidean norm of the gradient estimate (before momentum and L2).
    public var gradientNorm: Double
    public var statistics: [(String, Double)]

    public init(gradientNorm: Double, statistics: [(String, Double)] = []) {
        self.gradientNorm = gradientNorm; self.statistics = statistics
    }
}

/// A model that `TrainingLoop` can train: anything with a flat vector of parameters and a
/// way to estimate the gradient of its mean log-likelihood on a batch with a sampler.
///
/// The loop owns everything that is the same for every model: batches, the per-step
/// seed, momentum, L2, stopping when a parameter leaves its allowed range, the history
/// and checkpoints. A model supplies:
/// - `parameters` and `parameterGroups`, which say what is regularised and how ranges
///   are reported;
/// - `gradient(on:_:)`, the positive phase from the batch and the negative phase from
///   the request's sampler (gray-box learning: the sampler is a black box that returns
///   samples; a sampler that reports exact moments, such as `ExactSolver`, may be used
///   to give the exact gradient);
/// - `snapshot()` / `restore(from:)` for checkpoints, with everything that the model
///   keeps between steps (for example persistent chains), so a resumed run is
///   bit-for-bit the uninterrupted one.
///
/// The default `step` applies the update of seed 004's eqs. 10–13 with L2 and
/// momentum: v ← μ v + η (g − λ θ_decaying), θ ← θ + v. Models whose update differs
/// (for example a learning rate per group) implement `step` themselves.
public protocol TrainableModel: AnyObject {
    /// A short name of the model family, stored in checkpoints ("fvbm", "rbm", ...).
    var kind: String { get }
    /// All parameters, flat, in the order `parameterGroups` describe.
    var parameters: [Double] { get set }
    /// The named slices of `parameters`.
    var parameterGroups: [ParameterGroup] { get }
    /// Checks that the model can learn `data` (sizes, ±1 values) before training starts,
    /// and takes from it what it wants to remember (for example the picture shape).
    func prepare(for data: Dataset) throws
    /// The gradient of the mean log-likelihood of `batch` (ascent direction).
    func gradient(on batch: Dataset, _ request: GradientRequest) throws -> GradientEstimate
    /// One training step; `velocity` is the momentum buffer the loop keeps.
    func step(on batch: Dataset, _ request: GradientRequest, hyper: HyperParameters,
              velocity: inout [Double]) throws -> StepStatistics
    /// The model (parameters and any state kept between steps) as JSON.
    func snapshot() -> JSONNode
    /// Replaces the model's state with a snapshot written by `snapshot()`.
    func restore(from node: JSONNode) throws
}

extension TrainableModel {
    public func step(on batch: Dataset, _ request: GradientRequest, hyper: HyperParameters,
                     velocity: inout [Double]) throws -> StepStatistics {
        let g = try gradient(on: batch, request)
        return try applyAscent(g, hyper: hyper, velocity: &velocity)
    }

    /// Applies a gradient estimate with momentum and L2 (the default step's update):
    /// v ← μ v + η (g − λ θ_decaying), θ ← θ + v.
    public func applyAscent(_ g: GradientEstimate, hyper: HyperParameters, velocity: inout [Double]) throws -> StepStatistics {
        var theta = parameters
        guard g.ascent.count == theta.count else {
            throw IsingError("the gradient has \(g.ascent.count) entries for \(theta.count) parameters")
        }
        if velocity.count != theta.count { velocity = [Double](repeating: 0, count: theta.count) }
        var decay = [Bool](repeating: false, count: theta.count)
        for group in parameterGroups where group.decays { for k in group.range where k < decay.count { decay[k] = true } }
        var norm = 0.0
        for k in theta.indices {
            let gk = g.ascent[k]
            norm += gk * gk
            let regularised = decay[k] ? gk - hyper.l2 * theta[k] : gk
            velocity[k] = hyper.momentum * velocity[k] + hyper.learningRate * regularised
            theta[k] += velocity[k]
        }
        parameters = theta
        return StepStatistics(gradientNorm: norm.squareRoot(), statistics: g.statistics)
    }
}
