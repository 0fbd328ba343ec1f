import Foundation
import IsingCore

/// The quantum-assisted Helmholtz machine of seed 002: a generator network P(v | u) and
/// a recognition network Q(u | v) of stochastic ±1 layers (eqs. 10–14), with a
/// Boltzmann prior ρ ∝ e^{-E} on the deepest layer whose samples come from any sampler
/// (the gray-box approach: the sampler's own distribution is what the prior's
/// parameters are tuned against). The visible layer is stochastic ±1 ("spin") or
/// deterministic tanh ("tanh") for continuous values in [-1, 1].
///
/// The prior is a visible Boltzmann machine, E(z) = Σ h_i z_i + Σ J_ij z_i z_j, either
/// over the deepest units themselves (a logical prior, any graph of couplings) or over
/// the qubits of an embedding of them (a physical prior, eq. 19): every qubit has its
/// own field and every hardware coupler between the chains' qubits its own coupling,
/// deepest-layer states are copied onto their chains (the replica map f, eq. 20) and
/// samples are read back by a majority vote in each chain (the map g, eq. 21).
public final class HelmholtzMachine: @unchecked Sendable {
    /// The kind of visible units.
    public enum Visible: String, Sendable { case spin, tanh }

    /// Layer sizes from the visible layer to the deepest one.
    public let sizes: [Int]
    public let visible: Visible
    /// generator[ℓ] maps layer ℓ+1 to layer ℓ (ℓ = 0 is the visible layer).
    public var generator: [StochasticLayer]
    /// recognition[ℓ] maps layer ℓ to layer ℓ+1.
    public var recognition: [StochasticLayer]
    /// The prior over the deepest layer (logical) or over the qubits of its embedding (physical).
    public let prior: VisibleBoltzmannMachine
    /// For a physical prior: the ranges its fields and couplings are kept in (a device's),
    /// so every update leaves a model the device accepts as programmed.
    public var priorRanges: (h: ClosedRange<Double>, J: ClosedRange<Double>)?
    /// For a physical prior: the indices (in `priorCoupling`) of the couplers inside a chain.
    public let chainCouplers: [Int]
    /// For a physical prior: when set, the couplers inside chains are held at this value
    /// instead of being learned.
    public var fixedChainCoupling: Double?
    /// For a physical prior: how deepest-layer states are read from the chains (the
    /// majority vote of eq. 21 by default; see `readChains`).
    public var chainReadout = ChainBreakMethod.majority
    /// The training data whose exact bound each training step records (small machines only).
    var boundData: [Double]?

    /// A machine with small random directed weights and a zero logical prior over the
    /// pairs `priorEdges` of deepest units (all pairs by default).
    public convenience init(sizes: [Int], visible: Visible = .spin, priorEdges: [(Int, Int)]? = nil, seed: UInt64,
                            scale: Double = 0.01) throws {
        try HelmholtzMachine.checkSizes(sizes)
        let top = sizes[sizes.count - 1]
        var g = Graph()
        for i in 0..<top { g.addNode(.int(i)) }
        if let given = priorEdges {
            for (a, b) in given {
                guard a >= 0, b >= 0, a < top, b < top, a != b else {
                    throw IsingError("prior edge (\(a), \(b)) is not a pair of distinct units of the deepest layer (0..<\(top))")
                }
                g.addEdge(index: a, index: b)
            }
        } else {
            guard top <= 5000 else { throw IsingError("a fully connected prior over \(top) units is too large") }
            for i in 0..<top { for j in (i + 1)..<top { g.addEdge(index: i, index: j) } }
        }
        g.name = "prior"
        let prior = try VisibleBoltzmannMachine(graph: g, initialScale: 0)
        try self.init(sizes: sizes, visible: visible, prior: prior, seed: seed, scale: scale)
    }

    /// A machine whose prior is physical: one field per qubit of `embedding`'s chains and
    /// one coupling per hardware coupler between them. Couplings inside a chain start at
    /// `chainCoupling` (negative: ferromagnetic in this sign convention), all others at 0.
    public convenience init(sizes: [Int], visible: Visible = .spin, priorEmbedding embedding: Embedding, chainCoupling: Double,
                            seed: UInt64, scale: Double = 0.01) throws {
        try HelmholtzMachine.checkSizes(sizes)
        let top = sizes[sizes.count - 1]
        guard embedding.chains.count == top else {
            throw IsingError("the embedding has \(embedding.chains.count) chains for a deepest layer of \(top) units")
        }
        guard chainCoupling.isFinite else { throw IsingError("the chain coupling must be a number") }
        let prior = try VisibleBoltzmannMachine(embedding: embedding, initialScale: 0)
        var chainOf = [Int](repeating: -1, count: prior.count)
        for (c, chain) in (prior.chains ?? []).enumerated() { for q in chain { chainOf[q] = c } }
        for (k, (a, b)) in prior.graph.edges.enumerated() where chainOf[a] == chainOf[b] { prior.J[k] = chainCoupling }
        try self.init(sizes: sizes, visible: visible, prior: prior, seed: seed, scale: scale)
    }

    /// A machine with small random directed weights and the given prior.
    public init(sizes: [Int], visible: Visible, prior: VisibleBoltzmannMachine, seed: UInt64, scale: Double) throws {
        try HelmholtzMachine.checkSizes(sizes)
        guard prior.logicalCount == sizes[sizes.count - 1] else {
            throw IsingError("the prior has \(prior.logicalCount) variables for a deepest layer of \(sizes[sizes.count - 1]) units")
        }
        guard scale.isFinite, scale >= 0 else { throw IsingError("the weight scale must be a non-negative number") }
        self.sizes = sizes
        self.visible = visible
        self.prior = prior
        var chainOf = [Int](repeating: -1, count: prior.count)
        for (c, chain) in (prior.chains ?? []).enumerated() { for q in chain { chainOf[q] = c } }
        chainCouplers = prior.graph.edges.indices.filter { k in
            let (a, b) = prior.graph.edges[k]
            return chainOf[a] >= 0 && chainOf[a] == chainOf[b]
        }
        var rng = Xoshiro256(seed: seed)
        generator = (0..<(sizes.count - 1)).map { StochasticLayer(inputs: sizes[$0 + 1], outputs: sizes[$0], rng: &rng, scale: scale) }
        recognition = (0..<(sizes.count - 1)).map { StochasticLayer(inputs: sizes[$0], outputs: sizes[$0 + 1], rng: &rng, scale: scale) }
    }

    static func checkSizes(_ sizes: [Int]) throws {
        guard sizes.count >= 2 else { throw IsingError("a Helmholtz machine needs a visible and at least one hidden layer, got \(sizes)") }
        guard sizes.allSatisfy({ $0 >= 1 && $0 <= 100_000 }) else { throw IsingError("layer sizes must be between 1 and 100000, got \(sizes)") }
        for k in 1..<sizes.count {
            guard sizes[k - 1].multipliedReportingOverflow(by: sizes[k]).partialValue <= 50_000_000 else {
                throw IsingError("layers \(k - 1) and \(k) would have too many weights")
            }
        }
    }

    /// The size of the deepest layer.
    public var top: Int { sizes[sizes.count - 1] }

    /// Whether the prior lives on the qubits of an embedding.
    public var hasPhysicalPrior: Bool { prior.chains != nil }

    /// The prior's fields (one per deepest unit, or per qubit of a physical prior).
    public var priorField: [Double] {
        get { prior.h }
        set { if newValue.count == prior.h.count { prior.h = newValue } }
    }

    /// The prior's couplings, one per edge of `priorEdges`.
    public var priorCoupling: [Double] {
        get { prior.J }
        set { if newValue.count == prior.J.count { prior.J = newValue } }
    }

    /// The pairs of prior variables that are coupled (deepest units, or qubits of a physical prior).
    public var priorEdges: [(Int, Int)] { prior.graph.edges }

    /// The prior's energy as a spin model (over the deepest units 0..<top, or over the qubits).
    public func priorModel() -> BinaryQuadraticModel { prior.bqm }

    /// Samples of the prior: the sampler's raw states `z` (one row per read, over the
    /// prior's variables) and the deepest-layer states `u` they stand for (read from the
    /// chains by `chainReadout` for a physical prior, coins drawn from `rng`), with the
    /// fraction of chains a post-processing sampler found broken before it mended them.
    public func samplePrior(_ sampler: any Sampler, count: Int, seed: UInt64, threads: Int = defaultThreadCount,
                            readout: ChainBreakMethod? = nil, rng: inout Xoshiro256) throws -> PriorSamples {
        let width = max(sizes.max() ?? 1, prior.count)
        guard count >= 1, count.multipliedReportingOverflow(by: width).partialValue <= 100_000_000 else {
            throw IsingError("\(count) samples of up to \(width) variables would hold more than 10^8 values")
        }
        let raw = try sampler.sample(SpinModel(prior.bqm), SampleRequest(reads: count, seed: seed, threads: threads))
        let n = prior.count
        guard raw.states.count % n == 0 else { throw IsingError("the prior sampler returned states of the wrong size") }
        let rows = raw.states.count / n
        guard rows >= 1 else { throw IsingError("the prior sampler returned no samples") }
        var brokenBefore: Double?
        if case .double(let f)? = raw.info.first(where: { $0.0 == "postprocess.chain_break_fraction" })?.1 { brokenBefore = f }
        let u = prior.chains.map { readChains(raw.states, rows: rows, chains: $0, readout: readout, rng: &rng) } ?? raw.states.map(Double.init)
        return PriorSamples(u: u, z: raw.states, rows: rows, exact: raw.exact, brokenBefore: brokenBefore)
    }

    /// Keeps a physical prior's parameters inside `priorRanges`, and its chain couplers at
    /// `fixedChainCoupling` when that is set.
    public func clipPrior() {
        if let c = fixedChainCoupling { for k in chainCouplers { prior.J[k] = c } }
        guard let ranges = priorRanges else { return }
        for i in prior.h.indices { prior.h[i] = min(max(prior.h[i], ranges.h.lowerBound), ranges.h.upperBound) }
        for k in prior.J.indices { prior.J[k] = min(max(prior.J[k], ranges.J.lowerBound), ranges.J.upperBound) }
    }

    /// A bottom-up pass of the recognition network: every layer's samples, starting with `v`.
    public func recognize(_ v: [Double], rows: Int, rng: inout Xoshiro256) -> [[Double]] {
        var layers = [v]
        for layer in recognition { layers.append(layer.sample(layers[layers.count - 1], rows: rows, rng: &rng)) }
        return layers
    }

    /// A top-down pass of the generator network from deepest-layer rows: every layer,
    /// the visible one first. Tanh visible units are their means.
    public func generate(from u: [Double], rows: Int, rng: inout Xoshiro256) -> [[Double]] {
        var layers = [u]
        for l in stride(from: generator.count - 1, through: 0, by: -1) {
            let above = layers[0]
            let next = (l == 0 && visible == .tanh) ? generator[l].means(above, rows: rows) : generator[l].sample(above, rows: rows, rng: &rng)
            layers.insert(next, at: 0)
        }
        return layers
    }

    /// `count` generated visible rows: prior samples from `sampler`, then down through the
    /// generator. `readout` overrides how a physical prior's chains are read; `discard`
    /// keeps only the reads with every chain whole, asking the sampler for more reads
    /// (in rounds sized by the whole-read fraction seen so far) until `count` are kept.
    public func generateVisible(_ sampler: any Sampler, count: Int, seed: UInt64,
                                readout: ChainBreakMethod? = nil) throws -> [Double] {
        var rng = Xoshiro256(seed: seed)
        guard readout == .discard, let chains = prior.chains else {
            let prior = try samplePrior(sampler, count: count, seed: rng.next(), readout: readout, rng: &rng)
            return generate(from: prior.u, rows: prior.rows, rng: &rng)[0]
        }
        let t = top
        let limit = max(100 * count, 100_000)
        var kept: [Double] = [], read = 0, whole = 0
        while kept.count < count * t {
            let missing = count - kept.count / t
            let fraction = read == 0 ? 1 : max(Double(whole) / Double(read), 1e-4)
            let ask = min(max(Int((Double(missing) / fraction * 1.2).rounded(.up)), 16), 50_000, limit - read)
            guard ask > 0 else {
                throw IsingError("only \(whole) of \(read) reads of the prior had every chain whole, short of the \(count) asked for; read broken chains instead (decode: \"majority\") or ask for fewer samples")
            }
            let batch = try samplePrior(sampler, count: ask, seed: rng.next(), readout: .majority, rng: &rng)
            let intact = intactReads(batch.z, rows: batch.rows, chains: chains)
            read += batch.rows
            whole += intact.count
            for r in intact where kept.count < count * t { kept += batch.u[(r * t)..<((r + 1) * t)] }
        }
        return generate(from: kept, rows: count, rng: &rng)[0]
    }

    /// Checks rows of data against the visible layer and returns their number.
    public func rows(of data: [Double]) throws -> Int {
        guard data.count % sizes[0] == 0 else { throw IsingError("data holds \(data.count) values, not whole rows of \(sizes[0])") }
        return data.count / sizes[0]
    }
}

/// What one call of the prior's sampler gave: the raw states `z` (a row per read over the
/// prior's variables), the deepest-layer states `u` read from them, the sampler's exact
/// summary when it enumerated, and the fraction of chains found broken before a
/// post-processing sampler mended them.
public struct PriorSamples {
    public var u: [Double]
    public var z: [Int8]
    public var rows: Int
    public var exact: ExactSummary?
    public var brokenBefore: Double?
}
