import Foundation
import IsingCore

/// A learning rate as a function of the step number (0, 1, 2, ...).
public enum LearningRate: Sendable, Equatable {
    case constant(Double)
    /// From `start` to `end` linearly over `steps` steps, then constant at `end`.
    case linear(start: Double, end: Double, steps: Int)
    /// `start` times `factor` to the power ⌊step / every⌋.
    case step(start: Double, every: Int, factor: Double)

    /// The rate at a step.
    public func rate(at step: Int) -> Double {
        switch self {
        case .constant(let r): return r
        case .linear(let a, let b, let n):
            guard n > 0, step < n else { return b }
            return a + (b - a) * (Double(step) / Double(n))
        case .step(let a, let every, let factor):
            return a * pow(factor, Double(step / max(every, 1)))
        }
    }

    /// Checks the schedule's numbers.
    public func validated() throws -> LearningRate {
        switch self {
        case .constant(let r):
            guard r > 0, r.isFinite else { throw IsingError("a learning rate must be a positive number, got \(r)") }
        case .linear(let a, let b, let n):
            guard a > 0, b >= 0, a.isFinite, b.isFinite else { throw IsingError("linear decay needs a positive start and a non-negative end rate") }
            guard n >= 1 else { throw IsingError("linear decay needs at least 1 step, got \(n)") }
        case .step(let a, let every, let factor):
            guard a > 0, a.isFinite else { throw IsingError("a learning rate must be a positive number, got \(a)") }
            guard every >= 1 else { throw IsingError("step decay needs `every` of at least 1, got \(every)") }
            guard factor > 0, factor <= 1 else { throw IsingError("step decay needs a factor in (0, 1], got \(factor)") }
        }
        return self
    }

    public var description: String {
        switch self {
        case .constant(let r): return "\(r)"
        case .linear(let a, let b, let n): return "linear_decay(\(a), \(b), \(n))"
        case .step(let a, let every, let factor): return "step_decay(\(a), every: \(every), factor: \(factor))"
        }
    }
}

/// Updates parameters from their gradients (gradient descent: it subtracts).
public protocol Optimizer: AnyObject {
    var description: String { get }
    /// Steps taken so far.
    var steps: Int { get }
    /// One update of every parameter from its accumulated gradient.
    func step(_ parameters: [Parameter]) throws
}

/// Stochastic gradient descent with (heavy-ball) momentum.
public final class SGD: Optimizer {
    public let schedule: LearningRate
    public let momentum: Double
    public private(set) var steps = 0
    /// Per parameter (held, so its identity cannot be reused by another object).
    private var velocity: [ObjectIdentifier: (parameter: Parameter, v: [Double])] = [:]

    public init(schedule: LearningRate, momentum: Double = 0) throws {
        guard momentum >= 0, momentum < 1 else { throw IsingError("momentum must be in [0, 1), got \(momentum)") }
        self.schedule = try schedule.validated()
        self.momentum = momentum
    }

    public var description: String { "sgd(lr: \(schedule.description), momentum: \(momentum))" }

    public func step(_ parameters: [Parameter]) throws {
        let lr = schedule.rate(at: steps)
        for p in parameters {
            let id = ObjectIdentifier(p)
            var v = velocity[id]?.v ?? [Double](repeating: 0, count: p.value.count)
            guard v.count == p.value.count, p.grad.count == p.value.count else { throw IsingError("parameter \(p.name) changed size") }
            var w = p.value.data
            for i in 0..<w.count {
                v[i] = momentum * v[i] - lr * p.grad.data[i]
                w[i] += v[i]
            }
            velocity[id] = (p, v)
            p.value = p.value.withData(w)
        }
        steps += 1
    }
}

/// Adam (Kingma and Ba): per-parameter steps from bias-corrected moment estimates.
public final class Adam: Optimizer {
    public let schedule: LearningRate
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public private(set) var steps = 0
    /// Per parameter (held, so its identity cannot be reused by another object).
    private var moments: [ObjectIdentifier: (parameter: Parameter, m: [Double], v: [Double])] = [:]

    public init(schedule: LearningRate, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) throws {
        guard beta1 >= 0, beta1 < 1, beta2 >= 0, beta2 < 1 else {
            throw IsingError("betas must be in [0, 1), got (\(beta1), \(beta2))")
        }
        guard epsilon > 0 else { throw IsingError("epsilon must be positive") }
        self.schedule = try schedule.validated()
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var description: String { "adam(lr: \(schedule.description), betas: (\(beta1), \(beta2)))" }

    public func step(_ parameters: [Parameter]) throws {
        let lr = schedule.rate(at: steps)
        let t = Double(steps + 1)
        let c1 = 1 - pow(beta1, t), c2 = 1 - pow(beta2, t)
        for p in parameters {
            let id = ObjectIdentifier(p)
            let zero = [Double](repeating: 0, count: p.value.count)
            var (m, v) = moments[id].map { ($0.m, $0.v) } ?? (zero, zero)
            guard m.count == p.value.count, p.grad.count == p.value.count else { throw IsingError("parameter \(p.name) changed size") }
            var w = p.value.data
            for i in 0..<w.count {
                let g = p.grad.data[i]
                m[i] = beta1 * m[i] + (1 - beta1) * g
                v[i] = beta2 * v[i] + (1 - beta2) * g * g
                w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
            }
            moments[id] = (p, m, v)
            p.value = p.value.withData(w)
        }
        steps += 1
    }
}
