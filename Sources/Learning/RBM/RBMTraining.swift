import Foundation
import IsingCore

/// Where the negative (model) statistics of an RBM gradient come from.
public enum NegativePhase: @unchecked Sendable {
    /// Contrastive divergence: k Gibbs steps from each data row.
    case cd(k: Int)
    /// Persistent contrastive divergence: k Gibbs steps of chains kept between updates.
    case pcd(k: Int, chains: Int)
    /// Samples of the RBM's Ising/QUBO form drawn by any sampler (the gray-box approach):
    /// `reads` joint states per update at the given temperature.
    case sampler(any Sampler, reads: Int, temperature: Double)

    /// The name used in histories and errors.
    public var name: String {
        switch self {
        case .cd: return "cd"
        case .pcd: return "pcd"
        case .sampler: return "sampler"
        }
    }
}

/// The settings of RBM training by stochastic gradient ascent on the log-likelihood.
public struct RBMSettings: Sendable {
    public var learningRate: LearningRate
    public var momentum: Double
    /// Weight decay: the gradient of -l2/2 |W|² is added.
    public var l2: Double
    /// The weight of the generative gradient (of log p(x, y)); 1 for plain training.
    public var generative: Double
    /// The weight of the discriminative gradient (of log p(y | x), for RBMs with a label
    /// block); 0 for plain training. Both: Larochelle and Bengio's hybrid objective.
    public var discriminative: Double

    public init(learningRate: LearningRate = .constant(0.1), momentum: Double = 0, l2: Double = 0,
                generative: Double = 1, discriminative: Double = 0) {
        self.learningRate = learningRate; self.momentum = momentum; self.l2 = l2
        self.generative = generative; self.discriminative = discriminative
    }

    /// Checks the numbers, naming the bad one.
    public func validated() throws -> RBMSettings {
        _ = try learningRate.validated()
        guard momentum >= 0, momentum < 1 else { throw IsingError("`momentum` must be in [0, 1), got \(momentum)") }
        guard l2 >= 0, l2.isFinite else { throw IsingError("`l2` must be a non-negative number, got \(l2)") }
        guard generative >= 0, discriminative >= 0, generative.isFinite, discriminative.isFinite, generative + discriminative > 0 else {
            throw IsingError("the generative and discriminative weights must be non-negative and not both 0")
        }
        return self
    }
}

/// Trains an RBM one mini-batch at a time: `step(batch)` is one update. Keeps the
/// momentum, the persistent chains and its own random stream, so a run is reproducible
/// from its seed.
public final class RBMTrainer {
    public let model: RBM
    public let phase: NegativePhase
    public let settings: RBMSettings
    public private(set) var steps = 0
    public var rng: Xoshiro256
    private var weightVelocity: [Float]
    private var visibleVelocity: [Float]
    private var hiddenVelocity: [Float]
    /// Persistent hidden states (PCD), one row per chain.
    private var persistent: [Float]?

    public init(model: RBM, phase: NegativePhase, settings: RBMSettings, seed: UInt64) throws {
        switch phase {
        case .cd(let k), .pcd(let k, _):
            guard k >= 1, k <= 100_000 else { throw IsingError("`k` must be between 1 and 100000, got \(k)") }
            if case .pcd(_, let chains) = phase, chains < 0 || chains > 1_000_000 { throw IsingError("`chains` must be between 0 and 1000000") }
        case .sampler(_, let reads, let t):
            guard reads >= 1, reads <= 1_000_000 else { throw IsingError("`reads` must be between 1 and 1000000, got \(reads)") }
            guard t > 0, t.isFinite else { throw IsingError("`temperature` must be a positive number") }
        }
        self.model = model
        self.phase = phase
        self.settings = try settings.validated()
        rng = Xoshiro256(seed: seed)
        weightVelocity = [Float](repeating: 0, count: model.weights.count)
        visibleVelocity = [Float](repeating: 0, count: model.visible)
        hiddenVelocity = [Float](repeating: 0, count: model.hidden)
    }

    /// `k` alternating Gibbs steps from hidden states `h`: returns the last visible sample,
    /// the hidden means given it, and a hidden sample.
    private func gibbsChain(_ h0: [Float], rows: Int, k: Int) -> (v: [Float], hMean: [Float], h: [Float]) {
        var h = h0
        var v: [Float] = []
        var hMean: [Float] = []
        let units = model.units
        for _ in 0..<k {
            var a = model.visibleInput(h, rows: rows)
            v = RBM.sample(inputs: &a, units: units, &rng)
            hMean = model.hiddenInput(v, rows: rows)
            h = RBM.sample(inputs: &hMean, units: units, &rng)
        }
        return (v, hMean, h)
    }

    /// One update from a mini-batch of visible rows (row-major, `visible` values each).
    /// Returns the mean squared difference between the batch and its one-step
    /// reconstruction (CD) or 0 (other phases), as a cheap progress signal.
    @discardableResult
    public func step(_ batch: [Float]) throws -> Double {
        let m = model
        let b = try m.rows(of: batch, width: m.visible, what: "a batch")
        guard b > 0 else { throw IsingError("a batch must hold at least one row") }
        if Cancellation.isRequested { throw CancelledError() }
        var posMean = m.hiddenInput(batch, rows: b)
        let posSample = RBM.sample(inputs: &posMean, units: m.units, &rng)

        var error = 0.0
        if settings.generative > 0 {
            let neg = try negativePhase(batch, posSample, rows: b)
            error = neg.error
            applyUpdate(batch, posMean, rows: b, neg.v, neg.h, negRows: neg.rows, scale: Float(settings.generative))
        }
        if settings.discriminative > 0 {
            let g = try m.conditionalGradient(batch)
            let step = Float(settings.learningRate.rate(at: steps) * settings.discriminative)
            let decay = Float(settings.l2)
            m.weights.withUnsafeMutableBufferPointer { w in
                for i in 0..<w.count { w[i] += step * (g.weights[i] - decay * w[i]) }
            }
            m.visibleBias.withUnsafeMutableBufferPointer { v in for i in 0..<v.count { v[i] += step * g.visibleBias[i] } }
            m.hiddenBias.withUnsafeMutableBufferPointer { h in for j in 0..<h.count { h[j] += step * g.hiddenBias[j] } }
        }
        steps += 1
        return error
    }

    /// The model statistics: visible samples, hidden means and their row count, plus the
    /// batch's squared reconstruction error (CD only).
    private func negativePhase(_ batch: [Float], _ posSample: [Float], rows b: Int) throws -> (v: [Float], h: [Float], rows: Int, error: Double) {
        let m = model
        switch phase {
        case .cd(let k):
            let chain = gibbsChain(posSample, rows: b, k: k)
            var error = 0.0
            for i in 0..<batch.count { let d = Double(batch[i] - chain.v[i]); error += d * d }
            return (chain.v, chain.hMean, b, error / Double(batch.count))
        case .pcd(let k, let chains):
            let n = chains > 0 ? chains : b
            let start = persistent ?? [Float](repeating: m.units.values.0, count: n * m.hidden)
            let chain = gibbsChain(start, rows: n, k: k)
            persistent = chain.h
            return (chain.v, chain.hMean, n, 0)
        case .sampler(let sampler, let reads, let temperature):
            let joint = try m.sampleJoint(sampler, reads: reads, seed: rng.next(), temperature: temperature)
            let rows = joint.visible.count / m.visible
            guard rows > 0 else { throw IsingError("the negative phase produced no samples") }
            return (joint.visible, m.hiddenInput(joint.visible, rows: rows).map(m.units.mean), rows, 0)
        }
    }

    /// velocity = momentum·velocity + lr·(⟨v hᵀ⟩_data - ⟨v hᵀ⟩_model - l2·W); W += velocity.
    private func applyUpdate(_ v0: [Float], _ h0: [Float], rows b: Int, _ vk: [Float], _ hk: [Float], negRows: Int, scale: Float) {
        let m = model
        let lr = Float(settings.learningRate.rate(at: steps)) * scale
        let mom = Float(settings.momentum)
        let decay = Float(settings.l2) * lr
        let nv = m.visible, nh = m.hidden
        if mom == 0 && decay == 0 {
            // Plain gradient steps: both products go straight into the weights.
            Gemm.single(m: Int32(nv), n: Int32(nh), k: Int32(b), alpha: lr / Float(b), a: v0, transA: true,
                        b: h0, transB: false, beta: 1, c: &m.weights)
            Gemm.single(m: Int32(nv), n: Int32(nh), k: Int32(negRows), alpha: -lr / Float(negRows), a: vk, transA: true,
                        b: hk, transB: false, beta: 1, c: &m.weights)
        } else {
            updateWeightsWithMomentum(v0, h0, rows: b, vk, hk, negRows: negRows, lr: lr, momentum: mom, decay: decay)
        }
        var b0 = m.visibleBias, c0 = m.hiddenBias
        RBMTrainer.updateBias(&b0, &visibleVelocity, v0, rows: b, vk, negRows: negRows, lr: lr, momentum: mom)
        RBMTrainer.updateBias(&c0, &hiddenVelocity, h0, rows: b, hk, negRows: negRows, lr: lr, momentum: mom)
        m.visibleBias = b0
        m.hiddenBias = c0
    }

    /// The weight step with momentum and weight decay, through the velocity.
    private func updateWeightsWithMomentum(_ v0: [Float], _ h0: [Float], rows b: Int, _ vk: [Float], _ hk: [Float], negRows: Int,
                                           lr: Float, momentum mom: Float, decay: Float) {
        let m = model
        let nv = m.visible, nh = m.hidden
        weightVelocity.withUnsafeMutableBufferPointer { vel in
            m.weights.withUnsafeBufferPointer { w in
                for i in 0..<vel.count { vel[i] = mom * vel[i] - decay * w[i] }
            }
        }
        Gemm.single(m: Int32(nv), n: Int32(nh), k: Int32(b), alpha: lr / Float(b), a: v0, transA: true,
                    b: h0, transB: false, beta: 1, c: &weightVelocity)
        Gemm.single(m: Int32(nv), n: Int32(nh), k: Int32(negRows), alpha: -lr / Float(negRows), a: vk, transA: true,
                    b: hk, transB: false, beta: 1, c: &weightVelocity)
        m.weights.withUnsafeMutableBufferPointer { w in
            weightVelocity.withUnsafeBufferPointer { vel in
                for i in 0..<w.count { w[i] += vel[i] }
            }
        }
    }

    /// velocity = momentum·velocity + lr·(mean of positive rows - mean of negative rows); bias += velocity.
    static func updateBias(_ bias: inout [Float], _ velocity: inout [Float], _ pos: [Float], rows: Int, _ neg: [Float], negRows: Int,
                           lr: Float, momentum: Float) {
        let n = bias.count
        var diff = [Float](repeating: 0, count: n)
        pos.withUnsafeBufferPointer { p in
            neg.withUnsafeBufferPointer { q in
                diff.withUnsafeMutableBufferPointer { d in
                    let a = 1 / Float(rows), c = 1 / Float(negRows)
                    for r in 0..<rows { for i in 0..<n { d[i] += a * p[r * n + i] } }
                    for r in 0..<negRows { for i in 0..<n { d[i] -= c * q[r * n + i] } }
                }
            }
        }
        for i in 0..<n {
            velocity[i] = momentum * velocity[i] + lr * diff[i]
            bias[i] += velocity[i]
        }
    }

    /// One pass over the rows of `data` in a random order, in mini-batches of `batch`
    /// rows (the last one may be smaller). Returns the mean of the step values.
    @discardableResult
    public func epoch(_ data: [Float], batch: Int) throws -> Double {
        let n = try model.rows(of: data, width: model.visible)
        guard batch >= 1 else { throw IsingError("`batch` must be at least 1, got \(batch)") }
        guard n > 0 else { throw IsingError("no data to train on") }
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
        let nv = model.visible
        var total = 0.0, count = 0
        var buffer = [Float](repeating: 0, count: min(batch, n) * nv)
        var start = 0
        while start < n {
            let rows = min(batch, n - start)
            if buffer.count != rows * nv { buffer = [Float](repeating: 0, count: rows * nv) }
            for r in 0..<rows {
                let src = order[start + r] * nv
                for i in 0..<nv { buffer[r * nv + i] = data[src + i] }
            }
            total += try step(buffer)
            count += 1
            start += rows
        }
        return total / Double(max(count, 1))
    }
}
