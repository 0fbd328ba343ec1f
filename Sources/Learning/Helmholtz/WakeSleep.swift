import Foundation
import IsingCore

/// Trains a Helmholtz machine by the wake-sleep algorithm (Algorithm 1 of seed 002): the
/// wake phase infers hidden states of the data with Q and moves the generator and the
/// prior towards them; the sleep phase dreams samples from the prior (drawn by the
/// sampler) through the generator and moves the recognition network towards them.
public final class WakeSleepTrainer {
    public let model: HelmholtzMachine
    public let sampler: any Sampler
    /// Dreamed samples per update.
    public let samples: Int
    public let learningRate: LearningRate
    public private(set) var steps = 0
    public var rng: Xoshiro256

    public init(model: HelmholtzMachine, sampler: any Sampler, samples: Int, learningRate: LearningRate, seed: UInt64) throws {
        guard samples >= 1, samples <= 10_000_000 else { throw IsingError("`samples` must be between 1 and 10000000, got \(samples)") }
        self.model = model
        self.sampler = sampler
        self.samples = samples
        self.learningRate = try learningRate.validated()
        rng = Xoshiro256(seed: seed)
    }

    /// One update from a batch of data rows (all of them, in the paper's setting).
    public func step(_ data: [Double]) throws {
        let m = model
        let n = try m.rows(of: data)
        guard n > 0 else { throw IsingError("no data to train on") }
        if Cancellation.isRequested { throw CancelledError() }
        let eta = learningRate.rate(at: steps)
        // Wake: (v, u) ~ Q(u | v) Q_S(v); the generator learns to produce each layer from the one above.
        let wake = m.recognize(data, rows: n, rng: &rng)
        // Sleep: u_top ~ ρ via the sampler, then down through the generator.
        let top = try m.samplePrior(sampler, count: samples, seed: rng.next())
        let dreamRows = top.count / m.top
        guard dreamRows > 0 else { throw IsingError("the prior sampler returned no samples") }
        let dream = m.generate(from: top, rows: dreamRows, rng: &rng)

        for l in 0..<m.generator.count {
            m.generator[l].learn(inputs: wake[l + 1], targets: wake[l], rows: n, rate: eta)
        }
        for l in 0..<m.recognition.count {
            m.recognition[l].learn(inputs: dream[l], targets: dream[l + 1], rows: dreamRows, rate: eta)
        }
        // Prior (eqs. 8, 9): lower the energy of states Q infers, raise that of the sampler's.
        let q = moments(wake[wake.count - 1], rows: n), p = moments(top, rows: dreamRows)
        for i in 0..<m.top { m.priorField[i] -= eta * (q.mean[i] - p.mean[i]) }
        for (k, (i, j)) in m.priorEdges.enumerated() {
            m.priorCoupling[k] -= eta * (q.second[i * m.top + j] - p.second[i * m.top + j])
        }
        steps += 1
    }

    /// ⟨u_i⟩ and ⟨u_i u_j⟩ over rows.
    func moments(_ u: [Double], rows: Int) -> (mean: [Double], second: [Double]) {
        let t = model.top
        var mean = [Double](repeating: 0, count: t)
        for r in 0..<rows { for i in 0..<t { mean[i] += u[r * t + i] } }
        for i in 0..<t { mean[i] /= Double(rows) }
        var second = [Double](repeating: 0, count: t * t)
        Gemm.double(m: Int32(t), n: Int32(t), k: Int32(rows), alpha: 1 / Double(rows), a: u, transA: true, b: u, transB: false,
                    beta: 0, c: &second)
        return (mean, second)
    }
}

extension HelmholtzMachine {
    /// The largest number of hidden units for which the bound is computed exactly.
    public static let maxExactHidden = 16

    /// The mean over data rows of the variational lower bound of eq. 3,
    /// Σ_u Q(u|v) [log P(v, u) - log Q(u|v)] ≤ log P(v), and of log P(v) itself, both
    /// exactly by enumerating every hidden state (spin visible units, ≤ 16 hidden units).
    public func exactBound(_ data: [Double]) throws -> (bound: Double, logLikelihood: Double) {
        guard visible == .spin else { throw IsingError("the exact bound needs stochastic (spin) visible units") }
        let hiddenSizes = Array(sizes.dropFirst())
        let total = hiddenSizes.reduce(0, +)
        guard total <= HelmholtzMachine.maxExactHidden else {
            throw IsingError("the exact bound enumerates the hidden layers: at most \(HelmholtzMachine.maxExactHidden) hidden units, this machine has \(total)")
        }
        let n = try rows(of: data)
        guard n > 0 else { throw IsingError("no data") }
        // log Z of the prior by enumeration.
        let prior = priorModel()
        var priorTerms: [Double] = []
        for s in 0..<(1 << top) {
            let u = (0..<top).map { Int8((s >> $0) & 1 == 1 ? 1 : -1) }
            priorTerms.append(-prior.energy(u))
        }
        let logZ = logSumExp(priorTerms)
        var boundSum = 0.0, llSum = 0.0
        for r in 0..<n {
            let v = Array(data[(r * sizes[0])..<((r + 1) * sizes[0])])
            var bound = 0.0
            var joint: [Double] = []
            for s in 0..<(1 << total) {
                var layers = [v]
                var offset = 0
                for size in hiddenSizes {
                    layers.append((0..<size).map { Double((s >> (offset + $0)) & 1 == 1 ? 1 : -1) })
                    offset += size
                }
                var logQ = 0.0, logP = -prior.energy(layers[layers.count - 1].map { Int8($0) }) - logZ
                for l in 0..<recognition.count {
                    logQ += recognition[l].logProbability(layers[l + 1], given: layers[l], rows: 1)[0]
                    logP += generator[l].logProbability(layers[l], given: layers[l + 1], rows: 1)[0]
                }
                bound += exp(logQ) * (logP - logQ)
                joint.append(logP)
            }
            boundSum += bound
            llSum += logSumExp(joint)
        }
        return (boundSum / Double(n), llSum / Double(n))
    }
}
