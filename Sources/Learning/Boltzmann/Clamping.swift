import IsingCore

/// How known values are imposed on a Boltzmann machine when sampling the rest.
public enum ClampMode: Sendable, Equatable {
    /// A device sampler's top field (seed 004's h_MAX) for samplers with parameter
    /// ranges (the annealer), exact conditioning for the others.
    case automatic
    /// The clamped variables are removed and their values folded into the fields of
    /// their neighbours: classical clamping, exact.
    case fix
    /// Every clamped qubit's field is set to this size, towards its value (seed 004's
    /// h_MAX on the annealer); the qubit stays dynamical.
    case field(Double)

    /// The strength `ClampedSampler` takes for this mode and sampler (nil: exact).
    func strength(for sampler: any Sampler) -> Double? {
        switch self {
        case .automatic: return ClampedSampler.defaultStrength(for: sampler)
        case .fix: return nil
        case .field(let s): return s
        }
    }
}

/// Sampling a machine with some logical variables clamped, decoding each read to
/// logical values. Every qubit of a clamped variable's chain is clamped: exactly through
/// the `ClampedSampler` composite, or by programming its field to ±strength.
extension VisibleBoltzmannMachine {
    /// `reads` samples of the machine with the logical variables in `known` (index →
    /// ±1) clamped, as logical rows (majority vote in each chain).
    public func sampleClamped(_ known: [Int: Double], reads: Int, sampler: any Sampler, mode: ClampMode,
                              seed: UInt64, threads: Int = 1) throws -> [[Double]] {
        try checkSampleSize(reads)
        var values: [(Label, Int8)] = []
        for (i, v) in known.sorted(by: { $0.key < $1.key }) {
            guard i >= 0, i < logicalCount else { throw IsingError("clamped variable \(i) is outside the model's \(logicalCount) variables") }
            guard v == 1 || v == -1 else { throw IsingError("a clamped value must be -1 or +1, got \(v)") }
            for q in chains?[i] ?? [i] { values.append((graph.nodes[q], v > 0 ? 1 : -1)) }
        }
        let request = SampleRequest(reads: reads, seed: seed, threads: threads)
        let raw: SpinSamples
        if let strength = mode.strength(for: sampler) {
            // Seed 004 programs the clamped qubits' fields to ±h_MAX: the field is set, not
            // added, so a device that refuses out-of-range biases accepts the model.
            guard strength.isFinite, strength > 0 else { throw IsingError("the clamping strength must be a positive number") }
            var m = BinaryQuadraticModel(vartype: .spin)
            var set: [Label: Int8] = [:]
            for (label, v) in values { set[label] = v }
            for (i, v) in graph.nodes.enumerated() { m.addLinear(v, set[v].map { -strength * Double($0) } ?? h[i]) }
            for (k, (u, v)) in graph.edges.enumerated() { m.addQuadratic(index: u, index: v, J[k]) }
            raw = try sampler.sample(SpinModel(m), request)
        } else {
            raw = try ClampedSampler(inner: sampler, values: values, strength: nil).sample(SpinModel(bqm), request)
        }
        let rows = raw.states.count / count
        return (0..<rows).map { r in decode(raw.states[(r * count)..<((r + 1) * count)].map(Double.init)[...]) }
    }

    /// Seed 004's reconstruction: for each row, the unmasked values are clamped, `votes`
    /// samples are drawn and each masked value is the majority over them (0 for a tie).
    /// Unmasked values are returned unchanged; the mask is kept.
    public func reconstruct(_ corrupted: Dataset, votes: Int, sampler: any Sampler, mode: ClampMode,
                            seed: UInt64, threads: Int = 1) throws -> Dataset {
        guard let mask = corrupted.mask else {
            throw IsingError("the data has no mask of unknown values; corrupt(...) it first")
        }
        guard votes >= 1 else { throw IsingError("votes must be at least 1") }
        let dim = corrupted.dimension
        guard dim <= logicalCount else {
            throw IsingError("rows have \(dim) values but the model has \(logicalCount) variables")
        }
        var out = corrupted.values
        for r in 0..<corrupted.count {
            if Cancellation.isRequested { throw CancelledError() }
            var known: [Int: Double] = [:]
            for i in 0..<dim where !mask[r * dim + i] {
                let v = corrupted.values[r * dim + i]
                guard v == 1 || v == -1 else { throw IsingError("row \(r) holds \(v); known values must be ±1") }
                known[i] = v
            }
            let rows = try sampleClamped(known, reads: votes, sampler: sampler, mode: mode,
                                         seed: mixSeed(seed, UInt64(r), 0x7EC0), threads: threads)
            for i in 0..<dim where mask[r * dim + i] {
                let s = rows.reduce(0.0) { $0 + $1[i] }
                out[r * dim + i] = s > 0 ? 1 : (s < 0 ? -1 : 0)
            }
        }
        var d = try corrupted.replacingValues(out)
        d.name = corrupted.name + " |> reconstruct"
        return d
    }

    /// Seed 004's classification: the pixels of each row are clamped, `votes` samples of
    /// the one-hot class variables (the last `classes.count` variables) are drawn, and
    /// the row gets the class that is +1 in the most samples (ties: the earlier class).
    public func classify(_ pictures: Dataset, classes: [Int], votes: Int, sampler: any Sampler, mode: ClampMode,
                         seed: UInt64, threads: Int = 1) throws -> [Int] {
        let k = classes.count
        guard k >= 1, k < logicalCount else { throw IsingError("the model needs class variables; give `classes:` or train on data with append_labels") }
        guard votes >= 1 else { throw IsingError("votes must be at least 1") }
        let pixels = logicalCount - k
        guard pictures.dimension == pixels || pictures.dimension == logicalCount else {
            throw IsingError("rows have \(pictures.dimension) values; the model has \(pixels) pixels and \(k) class variables")
        }
        var predicted: [Int] = []
        for r in 0..<pictures.count {
            if Cancellation.isRequested { throw CancelledError() }
            var known: [Int: Double] = [:]
            let row = pictures.row(r)
            for i in 0..<pixels {
                let v = row[row.startIndex + i]
                guard v == 1 || v == -1 else { throw IsingError("row \(r) holds \(v); pixels must be ±1 (binarize first)") }
                known[i] = v
            }
            let rows = try sampleClamped(known, reads: votes, sampler: sampler, mode: mode,
                                         seed: mixSeed(seed, UInt64(r), 0xC1A5), threads: threads)
            var tally = [Int](repeating: 0, count: k)
            for s in rows { for c in 0..<k where s[pixels + c] > 0 { tally[c] += 1 } }
            var best = 0
            for c in 1..<k where tally[c] > tally[best] { best = c }
            predicted.append(classes[best])
        }
        return predicted
    }
}
