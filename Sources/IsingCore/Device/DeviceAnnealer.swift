import Foundation

/// A model of a quantum annealer as a sampler: it accepts only problems on its hardware
/// graph, enforces or auto-scales to its field and coupling ranges, perturbs the
/// programmed biases with the chip's persistent control errors (fixed offsets of each
/// qubit and coupler) and fresh Gaussian errors drawn for every call, runs the given
/// physical dynamics, flips readouts with a small probability, and reports a simulated
/// QPU access time. The dynamics is any sampler run on the programmed (scaled, noisy)
/// problem: simulated annealing to the freeze-out temperature, simulated quantum
/// annealing along the schedule, or the frozen quantum Boltzmann state.
public struct DeviceAnnealer: RangeLimitedSampler {
    /// A short name for displays, e.g. "dw2x".
    public var label: String
    /// The working qubits and couplers.
    public let graph: Graph
    public let hRange: ClosedRange<Double>
    public let jRange: ClosedRange<Double>
    /// Rescale every problem to use the full ranges (otherwise out-of-range biases are errors).
    public let autoScale: Bool
    /// Standard deviations of the control errors drawn afresh for each call, added to h and J
    /// (in programmed units): the part of the errors that drifts between programmings.
    public let noiseH: Double
    public let noiseJ: Double
    /// Standard deviations of the persistent control errors: one fixed offset per qubit and
    /// per coupler, the same on every call (calibration residue; the seeds' "persistent
    /// biases", which gray-box learning absorbs).
    public let biasH: Double
    public let biasJ: Double
    /// Picks the chip's persistent offsets; fixed per device, like its dead qubits.
    public let biasSeed: UInt64
    /// Probability that a qubit reads out flipped.
    public let readoutError: Double
    /// Anneal time in microseconds (reported in the timing; the dynamics decides what it means).
    public let annealTime: Double
    public let timing: DeviceTiming
    /// The physics run on the programmed problem.
    public let dynamics: any Sampler
    /// What the dynamics simulates, in words (for `info` and displays).
    public let dynamicsDescription: String

    public init(label: String, graph: Graph, hRange: ClosedRange<Double>, jRange: ClosedRange<Double>,
                autoScale: Bool, noiseH: Double, noiseJ: Double, biasH: Double = 0, biasJ: Double = 0,
                biasSeed: UInt64 = 0, readoutError: Double, annealTime: Double,
                timing: DeviceTiming, dynamics: any Sampler, dynamicsDescription: String) throws {
        guard hRange.lowerBound < 0, hRange.upperBound > 0, hRange.lowerBound.isFinite, hRange.upperBound.isFinite else {
            throw IsingError("h_range must be finite and contain 0 inside it, got (\(hRange.lowerBound), \(hRange.upperBound))")
        }
        guard jRange.lowerBound < 0, jRange.upperBound > 0, jRange.lowerBound.isFinite, jRange.upperBound.isFinite else {
            throw IsingError("j_range must be finite and contain 0 inside it, got (\(jRange.lowerBound), \(jRange.upperBound))")
        }
        guard noiseH >= 0, noiseJ >= 0, noiseH.isFinite, noiseJ.isFinite else {
            throw IsingError("noise must be finite and not negative, got (h: \(noiseH), J: \(noiseJ))")
        }
        guard biasH >= 0, biasJ >= 0, biasH.isFinite, biasJ.isFinite else {
            throw IsingError("bias must be finite and not negative, got (h: \(biasH), J: \(biasJ))")
        }
        guard readoutError >= 0, readoutError < 0.5 else {
            throw IsingError("readout_error must be in [0, 0.5), got \(readoutError)")
        }
        try requirePositive(annealTime, "anneal time")
        self.label = label; self.graph = graph; self.hRange = hRange; self.jRange = jRange
        self.autoScale = autoScale; self.noiseH = noiseH; self.noiseJ = noiseJ; self.readoutError = readoutError
        self.biasH = biasH; self.biasJ = biasJ; self.biasSeed = biasSeed
        self.annealTime = annealTime; self.timing = timing; self.dynamics = dynamics
        self.dynamicsDescription = dynamicsDescription
    }

    public var name: String { "annealer" }

    public var settings: [(String, String)] {
        [("device", label), ("qubits", String(graph.nodeCount)), ("couplers", String(graph.edgeCount)),
         ("h_range", "(\(hRange.lowerBound), \(hRange.upperBound))"), ("j_range", "(\(jRange.lowerBound), \(jRange.upperBound))"),
         ("auto_scale", String(autoScale)), ("noise", "(h: \(noiseH), J: \(noiseJ))"),
         ("bias", "(h: \(biasH), J: \(biasJ))"), ("readout_error", "\(readoutError)"),
         ("time", "\(annealTime)us"), ("dynamics", dynamicsDescription)]
    }

    /// The factor every bias is divided by so the largest one just reaches its range
    /// (fields against the h range, couplings against the J range, each by sign); 0 when
    /// the model has no biases.
    public func autoScaleFactor(_ model: SpinModel) -> Double {
        func ratio(_ x: Double, _ range: ClosedRange<Double>) -> Double {
            x > 0 ? x / range.upperBound : (x < 0 ? x / range.lowerBound : 0)
        }
        var factor = 0.0
        for x in model.h { factor = max(factor, ratio(x, hRange)) }
        for (_, _, b) in model.edges { factor = max(factor, ratio(b, jRange)) }
        return factor
    }

    /// Throws unless every variable is a working qubit and every coupling a working coupler;
    /// returns each variable's qubit index in the graph.
    @discardableResult
    public func checkPlacement(_ model: SpinModel) throws -> [Int] {
        var qubit = [Int](repeating: 0, count: model.count)
        for (i, label) in model.labels.enumerated() {
            guard let q = graph.index(of: label) else {
                throw IsingError("variable \(label) is not a working qubit of \(self.label) (absent or dead); embed the problem first")
            }
            qubit[i] = q
        }
        for (i, j, _) in model.edges where !graph.hasEdge(qubit[i], qubit[j]) {
            throw IsingError("the coupling (\(model.labels[i]), \(model.labels[j])) is not a working coupler of \(label)")
        }
        return qubit
    }

    /// The persistent error of qubit `q` (a field offset) or, with `other`, of the coupler
    /// between `q` and `other`: a standard normal number fixed by the device's bias seed.
    public func persistentError(qubit q: Int, other: Int? = nil) -> Double {
        var key = biasSeed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: q)
        if let o = other {
            let (a, b) = (min(q, o), max(q, o))
            key = (biasSeed &+ 0xC0FF_EE00) &* 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: a) << 32 | UInt64(truncatingIfNeeded: b))
        }
        var rng = Xoshiro256(seed: key)
        return rng.nextGaussian()
    }

    /// The problem the dynamics sees for one call: the biases scaled by `scale`, plus the
    /// chip's persistent errors and this call's fresh errors (drawn from `rng`).
    public func programmed(_ model: SpinModel, qubits: [Int], scale: Double, rng: inout Xoshiro256) -> BinaryQuadraticModel {
        var programmed = BinaryQuadraticModel(vartype: .spin)
        for i in 0..<model.count {
            var x = model.h[i] * scale
            if biasH > 0 { x += biasH * persistentError(qubit: qubits[i]) }
            if noiseH > 0 { x += noiseH * rng.nextGaussian() }
            programmed.addLinear(model.labels[i], x)
        }
        for (i, j, b) in model.edges {
            var x = b * scale
            if biasJ > 0 { x += biasJ * persistentError(qubit: qubits[i], other: qubits[j]) }
            if noiseJ > 0 { x += noiseJ * rng.nextGaussian() }
            programmed.addQuadratic(index: i, index: j, x)
        }
        return programmed
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        try validate(request, count: model.count)
        let qubits = try checkPlacement(model)
        let n = model.count
        var info: [(String, InfoValue)] = [("device", .string(label)), ("dynamics", .string(dynamicsDescription))]
        // Range: auto-scale or refuse, as the hardware does.
        var scale = 1.0
        if autoScale {
            let factor = autoScaleFactor(model)
            if factor > 0 { scale = 1 / factor }
            info.append(("scale_factor", .double(factor > 0 ? factor : 1)))
        } else {
            for (i, x) in model.h.enumerated() where !hRange.contains(x) {
                throw IsingError("h of \(model.labels[i]) is \(x), outside h_range (\(hRange.lowerBound), \(hRange.upperBound)); use auto_scale: true or scale the model")
            }
            for (i, j, b) in model.edges where !jRange.contains(b) {
                throw IsingError("J of (\(model.labels[i]), \(model.labels[j])) is \(b), outside j_range (\(jRange.lowerBound), \(jRange.upperBound)); use auto_scale: true or scale the model")
            }
        }
        // Programming: scaled biases plus the chip's persistent and this call's fresh control errors.
        var rng = Xoshiro256(seed: request.seed ^ 0x4445_5649_4345_0001)
        let programmed = programmed(model, qubits: qubits, scale: scale, rng: &rng)
        var inner = request
        inner.seed = request.seed(forRead: 1 << 40)
        let raw = try dynamics.sample(programmed.spinModel(), inner)
        var states = raw.states
        if readoutError > 0 {
            var flips = 0
            for k in states.indices where rng.nextDouble() < readoutError { states[k] = -states[k]; flips += 1 }
            info.append(("readout_flips", .int(flips)))
        }
        info.append(contentsOf: raw.info.filter { $0.0 != "sampler" }.map { ("dynamics." + $0.0, $0.1) })
        for (key, micros) in timing.report(reads: request.reads, anneal: annealTime) {
            info.append(("timing." + key, .double(micros)))
        }
        let energies = n == 0 ? [Double](repeating: model.offset, count: request.reads) : model.energies(of: states)
        return SpinSamples(states: states, energies: energies, info: info)
    }
}
