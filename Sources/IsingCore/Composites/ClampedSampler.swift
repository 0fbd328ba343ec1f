/// A sampler whose models have some variables held at given values (the clamping of
/// seed 004's reconstruction and classification).
///
/// With a `strength`, each clamped variable's field is programmed to −strength·value (set,
/// not added, so the model stays inside a device's range, as seed 004 programs h_MAX on
/// clamped qubits): the variable is pulled towards its value but can still read back
/// otherwise, and `info.clamp_violations` counts how often it did. Without a strength the model is conditioned exactly: the clamped variables are
/// removed (their terms folded into their neighbours' fields), the rest is sampled, and
/// the clamped values are written back into every sample.
public struct ClampedSampler: Sampler {
    public let inner: any Sampler
    /// The clamped variables and their spin values (±1).
    public let values: [(Label, Int8)]
    /// The strong field's size, or nil for exact conditioning.
    public let strength: Double?

    public init(inner: any Sampler, values: [(Label, Int8)], strength: Double?) throws {
        if let strength { try requirePositive(strength, "clamping strength") }
        var seen = Set<Label>()
        for (label, v) in values {
            guard v == 1 || v == -1 else { throw IsingError("clamped value of \(label) must be -1 or +1, got \(v)") }
            guard seen.insert(label).inserted else { throw IsingError("\(label) is clamped twice") }
        }
        self.inner = inner; self.values = values; self.strength = strength
    }

    /// The top of a device's field range when the inner sampler has one, else nil (exact
    /// conditioning): the default strength of `clamped(...)`.
    public static func defaultStrength(for inner: any Sampler) -> Double? {
        if let embedded = inner as? EmbeddedSampler { return defaultStrength(for: embedded.inner) }
        guard let device = inner as? any RangeLimitedSampler else { return nil }
        return max(abs(device.hRange.lowerBound), abs(device.hRange.upperBound))
    }

    public var name: String { "clamped" }

    public var settings: [(String, String)] {
        [("sampler", inner.name), ("variables", String(values.count)),
         ("strength", strength.map { "\($0)" } ?? "exact")]
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        for (label, _) in values where !model.labels.contains(label) {
            throw IsingError("clamped variable \(label) is not a variable of the model")
        }
        if let forwarded = (inner as? any ClampForwarding)?.forwardingClamps(values, strength: strength) {
            return try forwarded.sample(model, request)
        }
        let base = model.quadraticModel()
        if let strength {
            var strong = base
            for (label, v) in values { strong.addLinear(label, -strength * Double(v) - base.linear(label)) }
            let raw = try inner.sample(strong.spinModel(), request)
            let indices = values.compactMap { (label, v) in model.labels.firstIndex(of: label).map { ($0, v) } }
            var violations = 0
            let n = model.count
            if n > 0 {
                for r in 0..<(raw.states.count / n) where indices.contains(where: { raw.states[r * n + $0.0] != $0.1 }) {
                    violations += 1
                }
            }
            var info = raw.info
            info.append(("clamp_strength", .double(strength)))
            info.append(("clamp_violations", .int(violations)))
            return SpinSamples(states: raw.states, energies: model.energies(of: raw.states), info: info)
        }
        var fixed: [Label: Int8] = [:]
        for (label, v) in values { fixed[label] = v }
        let reduced = try base.fixing(fixed)
        let raw = try inner.sample(reduced.spinModel(), request)
        let n = model.count, m = reduced.count
        let rows = m == 0 ? request.reads : raw.states.count / m
        let sourceIndex: [Int?] = model.labels.map { reduced.index(of: $0) }
        var states = [Int8](repeating: 0, count: rows * n)
        for r in 0..<rows {
            for i in 0..<n {
                if let k = sourceIndex[i] { states[r * n + i] = raw.states[r * m + k] } else { states[r * n + i] = fixed[model.labels[i]] ?? 1 }
            }
        }
        var info = raw.info
        info.append(("clamp_strength", .string("exact")))
        return SpinSamples(states: states, energies: n == 0 ? raw.energies : model.energies(of: states), info: info)
    }
}

/// A sampler with a device's parameter ranges (the annealer model), which composites
/// consult for defaults such as the clamping strength.
public protocol RangeLimitedSampler: Sampler {
    /// The allowed range of fields.
    var hRange: ClosedRange<Double> { get }
    /// The allowed range of couplings.
    var jRange: ClosedRange<Double> { get }
}

/// The device a sampler programs its problems into: the sampler itself when it has
/// ranges, or the device inside a spin-reversal composite (a gauge only flips signs, so the
/// device's ranges still bound what may be programmed when they are symmetric about 0),
/// or the device under sampling post-processing (which programs the problem unchanged).
public func rangeLimitedDevice(of sampler: any Sampler) -> (any RangeLimitedSampler)? {
    if let device = sampler as? any RangeLimitedSampler { return device }
    if let gauged = sampler as? SpinReversalSampler { return rangeLimitedDevice(of: gauged.inner) }
    if let postprocessed = sampler as? SamplingPostprocessor { return rangeLimitedDevice(of: postprocessed.inner) }
    return nil
}

/// A composite that knows better where clamps belong: an embedding composite puts the
/// strong field on every qubit of a variable's chain rather than on the logical variable.
public protocol ClampForwarding: Sampler {
    /// A sampler equivalent to clamping `values` on this one, or nil to clamp logically.
    func forwardingClamps(_ values: [(Label, Int8)], strength: Double?) -> (any Sampler)?
}
