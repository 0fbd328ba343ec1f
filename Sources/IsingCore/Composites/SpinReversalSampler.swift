/// Spin-reversal (gauge) transforms: each of `transforms` runs samples the model with a
/// random subset of spins renamed s → −s (fields and couplings flipped to match), and
/// the samples are flipped back. The distribution is unchanged in exact arithmetic;
/// on an annealer it averages out biases tied to individual qubits.
public struct SpinReversalSampler: Sampler {
    public let inner: any Sampler
    public let transforms: Int

    public init(inner: any Sampler, transforms: Int) throws {
        try requireAtLeast(transforms, 1, "transforms")
        self.inner = inner; self.transforms = transforms
    }

    public var name: String { "spin_reversal" }
    public var settings: [(String, String)] { [("sampler", inner.name), ("transforms", String(transforms))] }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        try validate(request, count: model.count)
        let n = model.count
        let runs = min(transforms, max(request.reads, 1))
        var states: [Int8] = []
        states.reserveCapacity(request.reads * n)
        var info: [(String, InfoValue)] = []
        var rng = Xoshiro256(seed: request.seed ^ 0x5350_494E_5245_5645)
        for t in 0..<runs {
            let reads = request.reads / runs + (t < request.reads % runs ? 1 : 0)
            var gauge = [Int8](repeating: 1, count: n)
            for i in 0..<n where rng.next() & 1 == 1 { gauge[i] = -1 }
            var flipped = BinaryQuadraticModel(vartype: .spin)
            flipped.offset = model.offset
            for i in 0..<n { flipped.addLinear(model.labels[i], model.h[i] * Double(gauge[i])) }
            for (i, j, b) in model.edges { flipped.addQuadratic(index: i, index: j, b * Double(gauge[i]) * Double(gauge[j])) }
            var sub = request
            sub.reads = reads
            sub.seed = request.seed(forRead: t)
            if let initial = request.initial, n > 0 {
                sub.initial = initial.enumerated().map { k, v in (v > 0 ? 1 : -1) * gauge[k % n] }
            }
            let raw = try inner.sample(flipped.spinModel(), sub)
            if t == 0 { info = raw.info }
            guard n > 0 else { continue }
            for (k, v) in raw.states.enumerated() { states.append(v * gauge[k % n]) }
        }
        info.append(("spin_reversal_transforms", .int(runs)))
        let energies = n == 0 ? [Double](repeating: model.offset, count: request.reads) : model.energies(of: states)
        return SpinSamples(states: states, energies: energies, info: info)
    }
}
