import Foundation
import IsingCore

/// Wake-sleep training (Algorithm 1 of seed 002) through the common training loop.
///
/// One step on a batch of data rows: the wake phase infers every hidden layer with the
/// recognition network Q; the sleep phase draws `reads` deepest-layer states from the
/// request's sampler (the prior; on a physical prior these are qubit states, read back
/// by majority vote, eq. 21) and passes them down the generator. The ascent direction is
/// - generator layers A, a (eqs. 15, 16): the delta rule on the wake samples,
/// - recognition layers B, b (eqs. 17, 18): the delta rule on the dreamed samples,
/// - the prior h, J (eqs. 8, 9; gray-box): ⟨z⟩_ρ − ⟨z⟩_Q and ⟨z z⟩_ρ − ⟨z z⟩_Q, with the
///   wake states copied onto their chains (the replica map f, eq. 20) for a physical prior
///   and the sampler's raw states (exact moments for `exact()`) on the other side.
/// Every random choice of a step derives from the step's seed, so a resumed run repeats
/// the uninterrupted one bit for bit. For machines small enough to enumerate, each step
/// also records the exact bound of eq. 3 over all the training data at the parameters
/// the step starts from.
extension HelmholtzMachine: TrainableModel {
    public var kind: String { "helmholtz" }

    /// Parameters in the order: generator weights A (layer by layer), generator biases a,
    /// recognition weights B, recognition biases b, prior fields h, prior couplings J.
    public var parameters: [Double] {
        get {
            var p: [Double] = []
            p.reserveCapacity(parameterCount)
            for l in generator { p += l.weights }
            for l in generator { p += l.bias }
            for l in recognition { p += l.weights }
            for l in recognition { p += l.bias }
            return p + prior.h + prior.J
        }
        set {
            guard newValue.count == parameterCount else { return }
            var k = 0
            func take(_ n: Int) -> [Double] { defer { k += n }; return Array(newValue[k..<(k + n)]) }
            for l in generator.indices { generator[l].weights = take(generator[l].weights.count) }
            for l in generator.indices { generator[l].bias = take(generator[l].bias.count) }
            for l in recognition.indices { recognition[l].weights = take(recognition[l].weights.count) }
            for l in recognition.indices { recognition[l].bias = take(recognition[l].bias.count) }
            prior.h = take(prior.h.count)
            prior.J = take(prior.J.count)
        }
    }

    var parameterCount: Int {
        (generator + recognition).reduce(0) { $0 + $1.weights.count + $1.bias.count } + prior.h.count + prior.J.count
    }

    /// "A", "a" (generator), "B", "b" (recognition), "h", "J" (prior); weights and couplings decay.
    public var parameterGroups: [ParameterGroup] {
        let sizes = [generator.reduce(0) { $0 + $1.weights.count }, generator.reduce(0) { $0 + $1.bias.count },
                     recognition.reduce(0) { $0 + $1.weights.count }, recognition.reduce(0) { $0 + $1.bias.count },
                     prior.h.count, prior.J.count]
        let names = ["A", "a", "B", "b", "h", "J"], decays = [true, false, true, false, false, true]
        var start = 0
        return names.indices.map { k in
            defer { start += sizes[k] }
            return ParameterGroup(name: names[k], range: start..<(start + sizes[k]), decays: decays[k])
        }
    }

    public func prepare(for data: Dataset) throws {
        guard data.dimension == sizes[0] else {
            throw IsingError("the data has \(data.dimension) values per row, the machine has \(sizes[0]) visible units")
        }
        switch visible {
        case .spin:
            guard data.isSpins else { throw IsingError("spin visible units learn ±1 data; binarize the data, or use visible: \"tanh\" for values in [-1, 1]") }
        case .tanh:
            guard data.values.allSatisfy({ $0 >= -1 && $0 <= 1 }) else {
                throw IsingError("tanh visible units learn values in [-1, 1]; scale the data, e.g. tensor(d) / 8 - 1 for the digits")
            }
        }
        let cheap = hasExactBound && data.count.multipliedReportingOverflow(by: 1 << sizes.dropFirst().reduce(0, +)).partialValue <= 1 << 16
        boundData = cheap ? data.values : nil
    }

    public func gradient(on batch: Dataset, _ request: GradientRequest) throws -> GradientEstimate {
        let n = batch.count
        guard n > 0, batch.dimension == sizes[0] else { throw IsingError("a batch must hold rows of \(sizes[0]) values") }
        if Cancellation.isRequested { throw CancelledError() }
        var rng = Xoshiro256(seed: request.seed)
        var statistics: [(String, Double)] = []
        if let all = boundData { statistics.append(("bound", try exactBound(all).bound)) }
        // Wake: (v, u) ~ Q(u | v) Q_S(v).
        let wake = recognize(batch.values, rows: n, rng: &rng)
        // Sleep: z ~ ρ by the sampler, u = g(z), then down through the generator.
        let dream = try samplePrior(request.sampler, count: request.reads, seed: rng.next(), threads: request.threads, rng: &rng)
        let dreamed = generate(from: dream.u, rows: dream.rows, rng: &rng)

        var A: [Double] = [], a: [Double] = [], B: [Double] = [], b: [Double] = []
        var wakeLogP = 0.0, sleepLogQ = 0.0
        for l in generator.indices {
            let g = generator[l].ascent(inputs: wake[l + 1], targets: wake[l], rows: n)
            A += g.weights; a += g.bias
            if l == 0 && visible == .tanh {
                statistics.append(("visible_mse", g.squaredError))
            } else {
                wakeLogP += g.logp
            }
        }
        for l in recognition.indices {
            let g = recognition[l].ascent(inputs: dreamed[l], targets: dreamed[l + 1], rows: dream.rows)
            B += g.weights; b += g.bias
            sleepLogQ += g.logp
        }
        let q = wakeMoments(wake[wake.count - 1], rows: n)
        let p = sleepMoments(dream)
        var h = [Double](repeating: 0, count: prior.h.count), J = [Double](repeating: 0, count: prior.J.count)
        for i in h.indices { h[i] = p.mean[i] - q.mean[i] }
        for k in J.indices { J[k] = p.pairs[k] - q.pairs[k] }
        if fixedChainCoupling != nil { for k in chainCouplers { J[k] = 0 } }
        statistics += [("wake_logp", wakeLogP), ("sleep_logq", sleepLogQ),
                       ("wake_energy", priorEnergy(q)), ("dream_energy", priorEnergy(p))]
        if hasPhysicalPrior {
            statistics.append(("chain_breaks", dream.brokenBefore ?? chainBreakFraction(dream.z, rows: dream.rows)))
        }
        return GradientEstimate(ascent: A + a + B + b + h + J, statistics: statistics)
    }

    /// The loop's update (momentum, L2, the scheduled rate), then a physical prior is
    /// brought back inside its device ranges.
    public func step(on batch: Dataset, _ request: GradientRequest, hyper: HyperParameters,
                     velocity: inout [Double]) throws -> StepStatistics {
        let g = try gradient(on: batch, request)
        let stats = try applyAscent(g, hyper: hyper, velocity: &velocity)
        clipPrior()
        return stats
    }

    /// ⟨z⟩ and ⟨z z⟩ (on the prior's edges) of the deepest states Q infers, copied onto
    /// their chains for a physical prior (eq. 20).
    func wakeMoments(_ u: [Double], rows: Int) -> (mean: [Double], pairs: [Double]) {
        let t = top
        var mean = [Double](repeating: 0, count: t)
        for r in 0..<rows { for i in 0..<t { mean[i] += u[r * t + i] } }
        for i in 0..<t { mean[i] /= Double(max(rows, 1)) }
        var second = [Double](repeating: 0, count: t * t)
        if rows > 0 {
            Gemm.double(m: Int32(t), n: Int32(t), k: Int32(rows), alpha: 1 / Double(rows), a: u, transA: true, b: u, transB: false,
                        beta: 0, c: &second)
        }
        guard let chains = prior.chains else {
            return (mean, prior.graph.edges.map { second[$0.0 * t + $0.1] })
        }
        var chainOf = [Int](repeating: 0, count: prior.count)
        for (c, chain) in chains.enumerated() { for q in chain { chainOf[q] = c } }
        let pairs = prior.graph.edges.map { (x, y) -> Double in
            let cx = chainOf[x], cy = chainOf[y]
            return cx == cy ? 1 : second[cx * t + cy]
        }
        return (chainOf.map { mean[$0] }, pairs)
    }

    /// ⟨z⟩ and ⟨z z⟩ of the sampler's states (exact moments when it reports them).
    func sleepMoments(_ dream: PriorSamples) -> (mean: [Double], pairs: [Double]) {
        let n = prior.count
        let edges = prior.graph.edges
        if let e = dream.exact, e.magnetization.count == n, e.correlations.count == n * n {
            return (e.magnetization, edges.map { e.correlations[$0.0 * n + $0.1] })
        }
        var mean = [Double](repeating: 0, count: n), pairs = [Double](repeating: 0, count: edges.count)
        dream.z.withUnsafeBufferPointer { s in
            for r in 0..<dream.rows {
                let base = r * n
                for i in 0..<n { mean[i] += Double(s[base + i]) }
                for (k, (x, y)) in edges.enumerated() { pairs[k] += Double(s[base + x] &* s[base + y]) }
            }
        }
        let scale = 1 / Double(max(dream.rows, 1))
        return (mean.map { $0 * scale }, pairs.map { $0 * scale })
    }

    /// The prior's mean energy from moments: Σ h ⟨z⟩ + Σ J ⟨z z⟩.
    func priorEnergy(_ m: (mean: [Double], pairs: [Double])) -> Double {
        var e = 0.0
        for i in prior.h.indices { e += prior.h[i] * m.mean[i] }
        for k in prior.J.indices { e += prior.J[k] * m.pairs[k] }
        return e
    }

    /// The fraction of (read, chain) pairs whose qubits disagree.
    func chainBreakFraction(_ z: [Int8], rows: Int) -> Double {
        guard let chains = prior.chains, rows > 0, !chains.isEmpty else { return 0 }
        var broken = 0
        for r in 0..<rows {
            for chain in chains {
                guard let first = chain.first else { continue }
                let s = z[r * prior.count + first]
                if chain.contains(where: { z[r * prior.count + $0] != s }) { broken += 1 }
            }
        }
        return Double(broken) / Double(rows * chains.count)
    }
}
