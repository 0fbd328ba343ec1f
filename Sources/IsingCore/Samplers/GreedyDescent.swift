import Foundation

/// Steepest descent: from each read's start (the request's initial state or a random
/// one) flip, again and again, the spin whose flip lowers the energy most, until no flip
/// lowers it: each read is a local minimum (no single flip goes down by more than a
/// 1e-12 relative tolerance). Read r starts from `request.seed(forRead: r)`'s generator.
public struct GreedyDescent: Sampler {
    /// A greedy descent sampler (it has no settings).
    public init() {}

    public var name: String { "greedy" }
    public var settings: [(String, String)] { [] }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let reads = request.reads
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: reads))
        }
        let out = SharedBuffer<Int8>(repeating: 0, count: try stateBufferSize(reads: reads, count: n))
        let steps = SharedBuffer<Int>(repeating: 0, count: reads)
        let packed = PackedModel(model)
        var scale = 0.0
        for i in 0..<n { scale = max(scale, abs(model.h[i])) }
        for c in model.couplings { scale = max(scale, abs(c)) }
        let tolerance = 1e-12 * scale
        try forEachRead(reads, threads: request.threads, progress: request.progress) { r in
            var rng = Xoshiro256(seed: request.seed(forRead: r))
            let chain = ScalarChain(packed)
            startState(request, read: r, count: n, into: chain.spins, rng: &rng)
            chain.refresh()
            let s = chain.spins, f = chain.field
            var count = 0
            while true {
                // the most negative flip cost −2 s_i f_i
                var best = -tolerance, at = -1
                for i in 0..<n {
                    let dE = -2 * Double(s[i]) * f[i]
                    if dE < best { best = dE; at = i }
                }
                if at < 0 { break }
                chain.flip(at)
                count += 1
                if count % 4096 == 0 {
                    if Cancellation.isRequested { throw CancelledError() }
                    chain.refresh()
                }
            }
            (out.pointer + r * n).update(from: s, count: n)
            steps.pointer[r] = count
        }
        let states = out.array
        let flips = steps.array.reduce(0, +)
        return SpinSamples(states: states, energies: energies(of: states, model),
                           info: [("mean_flips", .double(reads > 0 ? Double(flips) / Double(reads) : 0))])
    }
}
