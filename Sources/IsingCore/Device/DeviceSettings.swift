/// Everything that describes a simulated annealer, with the presets of the machines the
/// seed papers used. `DeviceSettings.make()` builds the sampler.
public struct DeviceSettings: Sendable {
    /// The physics the device runs on a programmed problem.
    public enum Dynamics: String, Sendable, CaseIterable {
        /// Classical annealing to the freeze-out point (fast; the default).
        case freezeOut = "freeze_out"
        /// Simulated quantum annealing of the full H(s) along the schedule.
        case sqa
        /// The quantum Boltzmann state of H(s*) at the freeze-out point.
        case qbm
    }

    public var name: String
    public var graph: Graph
    public var schedule: AnnealSchedule
    /// Anneal time in microseconds.
    public var annealTime: Double
    /// Physical temperature in kelvin.
    public var temperature: Double
    public var hRange: ClosedRange<Double> = -2...2
    public var jRange: ClosedRange<Double> = -1...1
    public var autoScale = true
    /// Standard deviations of the control errors drawn afresh for each call (drift between
    /// programmings, mostly low-frequency flux noise).
    public var noiseH = 0.02
    public var noiseJ = 0.01
    /// Standard deviations of the persistent control errors (fixed per qubit and coupler).
    public var biasH = 0.05
    public var biasJ = 0.035
    /// Picks the persistent errors; the presets use the dead-qubit seed.
    public var biasSeed = UInt64(deadQubitSeed)
    public var readoutError = 0.0
    public var timing = DeviceTiming()
    public var dynamics = Dynamics.freezeOut
    /// The freeze-out point s* (where the dynamics stop following H(s)); each preset sets its own
    /// (`freezeOutOnDW2000Q`, `freezeOutOnAdvantage`).
    public var freezeOut = 0.35
    /// Monte Carlo sweeps per anneal.
    public var sweeps = 256
    /// Trotter slices for the quantum dynamics.
    public var trotter = 16

    public init(name: String, graph: Graph, schedule: AnnealSchedule, annealTime: Double, temperature: Double) {
        self.name = name; self.graph = graph; self.schedule = schedule
        self.annealTime = annealTime; self.temperature = temperature
    }

    /// The seed that picks each preset's dead qubits, fixed so every user gets the same chip.
    public static let deadQubitSeed = 2015

    /// The freeze-out point of the presets on the DW_2000Q_6 schedule: B(s*) = 1.596 GHz, so
    /// β_eff = β_phys·B(s*)/2 is 2.55 at 15 mK ("dw2x") and 3.19 at 12 mK ("dw2000q").
    public static let freezeOutOnDW2000Q = 0.315
    /// The freeze-out point of the "advantage" preset on the Advantage_system5.4 schedule:
    /// B(s*) = 0.892 GHz, so β_eff is 1.78 at 12 mK.
    public static let freezeOutOnAdvantage = 0.313

    /// A preset by name:
    /// - "dw2x": Chimera C12 with 55 dead qubits, h ∈ [−2, 2], J ∈ [−1, 1], 5 µs anneals at
    ///   15 mK (the D-Wave 2X of seed 004's Table III), on the DW_2000Q_6 schedule;
    /// - "dw2000q": Chimera C16 with 16 dead qubits, 20 µs at 12 mK, on the same schedule;
    /// - "advantage": Pegasus P16 with 50 dead qubits, h ∈ [−4, 4], 20 µs at 12 mK, on the
    ///   Advantage_system5.4 schedule.
    /// The freeze-out points keep each preset's β_eff where the learning results were measured.
    public static func preset(_ name: String) throws -> DeviceSettings {
        switch name.lowercased() {
        case "dw2x", "2x":
            let g = try HardwareGraphs.deadQubits(try HardwareGraphs.chimera(12), count: 55, seed: deadQubitSeed)
            var s = DeviceSettings(name: "dw2x", graph: g, schedule: .dw2000q, annealTime: 5, temperature: 0.015)
            s.freezeOut = freezeOutOnDW2000Q
            return s
        case "dw2000q", "2000q":
            let g = try HardwareGraphs.deadQubits(try HardwareGraphs.chimera(16), count: 16, seed: deadQubitSeed)
            var s = DeviceSettings(name: "dw2000q", graph: g, schedule: .dw2000q, annealTime: 20, temperature: 0.012)
            s.freezeOut = freezeOutOnDW2000Q
            return s
        case "advantage":
            let g = try HardwareGraphs.deadQubits(try HardwareGraphs.pegasus(16), count: 50, seed: deadQubitSeed)
            var s = DeviceSettings(name: "advantage", graph: g, schedule: .advantage, annealTime: 20, temperature: 0.012)
            s.hRange = -4...4
            s.freezeOut = freezeOutOnAdvantage
            return s
        default:
            throw IsingError("there is no device called \"\(name)\"; the presets are \"dw2x\", \"dw2000q\" and \"advantage\"")
        }
    }

    /// The physical inverse temperature h/(k_B T) in 1/GHz.
    public func physicalBeta() throws -> Double { try QuantumUnits.betaPerGigahertz(kelvin: temperature) }

    /// The sampler that runs `dynamics` on programmed problems.
    public func dynamicsSampler() throws -> (sampler: any Sampler, description: String) {
        guard freezeOut > 0, freezeOut <= 1 else { throw IsingError("freeze_out must be in (0, 1], got \(freezeOut)") }
        guard schedule.units == .gigahertz else {
            throw IsingError("a device needs a schedule in GHz (such as schedule(\"dw2000q\")), got one in model units")
        }
        let beta = try physicalBeta()
        switch dynamics {
        case .freezeOut:
            let f = try FreezeOutAnnealing(schedule: schedule, beta: beta, freezeOut: freezeOut, sweeps: sweeps)
            return (f, "freeze-out annealing to s* = \(freezeOut) (beta_eff \(rounded(f.effectiveBeta))), \(sweeps) sweeps")
        case .sqa:
            let q = try SimulatedQuantumAnnealing(schedule: schedule, trotter: trotter, sweeps: sweeps, beta: beta)
            return (q, "simulated quantum annealing, \(trotter) slices, \(sweeps) sweeps")
        case .qbm:
            let b = schedule.problem(at: freezeOut), a = schedule.transverse(at: freezeOut)
            guard b > 0 else { throw IsingError("B(s) is 0 at the freeze-out point \(freezeOut)") }
            let q = try QuantumBoltzmannSampler(gamma: a / b, beta: beta * b / 2, trotter: trotter, sweeps: sweeps)
            return (q, "quantum Boltzmann state at s* = \(freezeOut) (beta_eff \(rounded(beta * b / 2)), gamma \(rounded(a / b)))")
        }
    }

    private func rounded(_ x: Double) -> String { String(Double((x * 1000).rounded()) / 1000) }

    /// The device sampler.
    public func make() throws -> DeviceAnnealer {
        let (sampler, description) = try dynamicsSampler()
        return try DeviceAnnealer(label: name, graph: graph, hRange: hRange, jRange: jRange, autoScale: autoScale,
                                  noiseH: noiseH, noiseJ: noiseJ, biasH: biasH, biasJ: biasJ,
                                  biasSeed: biasSeed, readoutError: readoutError, annealTime: annealTime,
                                  timing: timing, dynamics: sampler, dynamicsDescription: description)
    }
}
