import Foundation
import IsingCore

extension RBM {
    /// The ascent direction of the mean log-likelihood from positive statistics (data
    /// rows and their hidden means) and negative ones (model rows and hidden means), as
    /// (dW, db, dc) in double precision.
    public func likelihoodGradient(_ v0: [Float], _ h0: [Float], rows b: Int, _ vk: [Float], _ hk: [Float],
                                   negRows: Int) -> (weights: [Double], visible: [Double], hidden: [Double]) {
        var dW = [Float](repeating: 0, count: visible * hidden)
        Gemm.single(m: Int32(visible), n: Int32(hidden), k: Int32(b), alpha: 1 / Float(b), a: v0, transA: true,
                    b: h0, transB: false, beta: 0, c: &dW)
        Gemm.single(m: Int32(visible), n: Int32(hidden), k: Int32(negRows), alpha: -1 / Float(negRows), a: vk, transA: true,
                    b: hk, transB: false, beta: 1, c: &dW)
        var db = [Double](repeating: 0, count: visible), dc = [Double](repeating: 0, count: hidden)
        for r in 0..<b { for i in 0..<visible { db[i] += Double(v0[r * visible + i]) / Double(b) } }
        for r in 0..<negRows { for i in 0..<visible { db[i] -= Double(vk[r * visible + i]) / Double(negRows) } }
        for r in 0..<b { for j in 0..<hidden { dc[j] += Double(h0[r * hidden + j]) / Double(b) } }
        for r in 0..<negRows { for j in 0..<hidden { dc[j] -= Double(hk[r * hidden + j]) / Double(negRows) } }
        return (dW.map(Double.init), db, dc)
    }
}

/// An RBM as a model of the generic training loop (`TrainingLoop`): the loop owns batches,
/// seeds, momentum, weight decay, the history and checkpoints; this supplies the gradient
/// with a CD-k, PCD-k or sampler negative phase, optionally mixed with the exact gradient
/// of log p(y | x) for machines with a label block. Parameters are laid out as the visible
/// biases "b", the hidden biases "c", then the weights "W" (visible-major).
///
/// Every random choice of a step derives from the step's seed, so the only state kept
/// between steps is the persistent chains of PCD; `snapshot()` saves them with the
/// parameters and the negative phase (see RBMFile.swift).
public final class RBMTrainable: TrainableModel {
    public let rbm: RBM
    public var phase: NegativePhase
    /// The weight of the generative gradient (of log p(v)); 1 for plain training.
    public var generative: Double
    /// The weight of the exact gradient of log p(y | x) (machines with `labels`); 0 for plain training.
    public var discriminative: Double
    /// Persistent hidden states of PCD, one row per chain.
    public internal(set) var persistent: [Float]?

    public init(_ rbm: RBM, phase: NegativePhase = .cd(k: 1), generative: Double = 1, discriminative: Double = 0) {
        self.rbm = rbm
        self.phase = phase
        self.generative = generative
        self.discriminative = discriminative
    }

    public var kind: String { "rbm" }

    public var parameters: [Double] {
        get { rbm.visibleBias.map(Double.init) + rbm.hiddenBias.map(Double.init) + rbm.weights.map(Double.init) }
        set {
            let nv = rbm.visible, nh = rbm.hidden
            guard newValue.count == nv + nh + nv * nh else { return }
            rbm.visibleBias = newValue[0..<nv].map { Float($0) }
            rbm.hiddenBias = newValue[nv..<(nv + nh)].map { Float($0) }
            rbm.weights = newValue[(nv + nh)...].map { Float($0) }
        }
    }

    public var parameterGroups: [ParameterGroup] {
        let nv = rbm.visible, nh = rbm.hidden
        return [ParameterGroup(name: "b", range: 0..<nv, decays: false),
                ParameterGroup(name: "c", range: nv..<(nv + nh), decays: false),
                ParameterGroup(name: "W", range: (nv + nh)..<(nv + nh + nv * nh), decays: true)]
    }

    /// Checks the negative phase's numbers and the objective's weights, naming the bad one.
    public func validate() throws {
        switch phase {
        case .cd(let k), .pcd(let k, _):
            guard k >= 1, k <= 100_000 else { throw IsingError("`k` must be between 1 and 100000, got \(k)") }
            if case .pcd(_, let chains) = phase, chains < 0 || chains > 1_000_000 {
                throw IsingError("`chains` must be between 0 (one per batch row) and 1000000, got \(chains)")
            }
        case .sampler(_, _, let t):
            guard t > 0, t.isFinite else { throw IsingError("`temperature` must be a positive number, got \(t)") }
        }
        guard generative >= 0, discriminative >= 0, generative.isFinite, discriminative.isFinite, generative + discriminative > 0 else {
            throw IsingError("the generative and discriminative weights must be non-negative and not both 0")
        }
        if discriminative > 0 {
            guard rbm.labels >= 2 else { throw IsingError("discriminative training needs a label block: make the RBM with `labels:`") }
            guard rbm.units == .bernoulli else { throw IsingError("discriminative training is implemented for Bernoulli units") }
        }
        if let p = persistent {
            guard p.count % rbm.hidden == 0, !p.isEmpty else {
                throw IsingError("the persistent chains hold \(p.count) values, not whole rows of \(rbm.hidden) hidden units")
            }
            if case .pcd(_, let chains) = phase, chains > 0, p.count != chains * rbm.hidden {
                throw IsingError("there are \(p.count / rbm.hidden) persistent chains, the run asks for \(chains)")
            }
        }
    }

    public func prepare(for data: Dataset) throws {
        guard data.dimension == rbm.visible else {
            throw IsingError("the data has \(data.dimension) values per row, the RBM has \(rbm.visible) visible units")
        }
        _ = try rbm.unitValues(data.values)
        try validate()
    }

    /// Makes a "sampler" phase hold the sampler a resumed run was given (the gradient
    /// itself uses the loop's sampler and reads).
    public func useSampler(_ sampler: any Sampler, reads: Int) {
        if case .sampler(_, _, let t) = phase { phase = .sampler(sampler, reads: reads, temperature: t) }
    }

    public func gradient(on batch: Dataset, _ request: GradientRequest) throws -> GradientEstimate {
        let m = rbm
        let v0 = try m.unitValues(batch.values)
        let b = batch.count
        guard b > 0 else { throw IsingError("a batch must hold at least one row") }
        var rng = Xoshiro256(seed: request.seed)
        var h0 = m.hiddenInput(v0, rows: b)
        let hSample = RBM.sample(inputs: &h0, units: m.units, &rng)
        var statistics: [(String, Double)] = []
        func chain(_ start: [Float], rows: Int, k: Int) -> (v: [Float], hMean: [Float], h: [Float]) {
            var h = start, v: [Float] = [], mean: [Float] = []
            for _ in 0..<k {
                var a = m.visibleInput(h, rows: rows)
                v = RBM.sample(inputs: &a, units: m.units, &rng)
                mean = m.hiddenInput(v, rows: rows)
                h = RBM.sample(inputs: &mean, units: m.units, &rng)
            }
            return (v, mean, h)
        }
        var ascent = [Double](repeating: 0, count: m.visible + m.hidden + m.visible * m.hidden)
        if generative > 0 {
            var vk: [Float], hk: [Float], negRows: Int
            switch phase {
            case .cd(let k):
                let c = chain(hSample, rows: b, k: k)
                vk = c.v; hk = c.hMean; negRows = b
                var e = 0.0
                for i in 0..<v0.count { let d = Double(v0[i] - vk[i]); e += d * d }
                statistics.append(("reconstruction_error", e / Double(v0.count)))
            case .pcd(let k, let chains):
                // The number of chains is fixed by `chains:` or by the first batch, so a short
                // last batch of an epoch does not change it.
                let n = chains > 0 ? chains : (persistent.map { $0.count / m.hidden } ?? b)
                let start = persistent ?? [Float](repeating: m.units.values.0, count: n * m.hidden)
                let c = chain(start, rows: n, k: k)
                persistent = c.h
                vk = c.v; hk = c.hMean; negRows = n
            case .sampler(_, _, let temperature):
                let joint = try m.sampleJoint(request.sampler, reads: request.reads, seed: request.seed, temperature: temperature,
                                              threads: request.threads)
                vk = joint.visible
                negRows = vk.count / m.visible
                guard negRows > 0 else { throw IsingError("the sampler returned no samples") }
                hk = m.hiddenInput(vk, rows: negRows).map(m.units.mean)
            }
            let g = m.likelihoodGradient(v0, h0, rows: b, vk, hk, negRows: negRows)
            var k = 0
            for part in [g.visible, g.hidden, g.weights] {
                for x in part { ascent[k] = generative * x; k += 1 }
            }
        }
        if discriminative > 0 {
            let g = try m.conditionalGradient(v0)
            var k = 0
            for part in [g.visibleBias, g.hiddenBias, g.weights] {
                for x in part { ascent[k] += discriminative * Double(x); k += 1 }
            }
            statistics.append(("cond_loglik", g.logLikelihood))
        }
        return GradientEstimate(ascent: ascent, statistics: statistics)
    }
}

/// Stands in for a sampler where the training loop wants one but the negative phase
/// makes its own samples (CD and PCD chains); named after that phase.
public struct ChainPhaseSampler: Sampler {
    public let name: String
    public init(name: String) { self.name = name }
    public var settings: [(String, String)] { [] }
    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        throw IsingError("\(name) draws its own negative-phase samples; it has no sampler to call")
    }
}
