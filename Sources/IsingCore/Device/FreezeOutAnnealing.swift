/// The device model's default dynamics: classical Metropolis annealing in which the
/// inverse temperature follows the schedule's problem scale, β(s) = β_phys · B(s)/2,
/// up to the freeze-out point s*, where it stays.
///
/// This is the freeze-out picture of an annealer (seed 004, eq. 3): at s* the dynamics
/// become too slow to follow H(s) and the final state is close to the Boltzmann state of
/// H(s*); when A(s*) ≪ B(s*), that is the classical Boltzmann distribution of H_P at
/// β_eff = β_phys · B(s*)/2. The transverse field is neglected here (use simulated
/// quantum annealing for it). Each sweep sits at the path's s for its share of the anneal,
/// so pauses, quenches and reverse anneals (which start from given states) take effect.
public struct FreezeOutAnnealing: Sampler {
    public let schedule: AnnealSchedule
    /// Inverse physical temperature in the schedule's inverse unit (1/GHz).
    public let beta: Double
    /// The freeze-out point s*.
    public let freezeOut: Double
    public let sweeps: Int

    public init(schedule: AnnealSchedule, beta: Double, freezeOut: Double, sweeps: Int) throws {
        try requirePositive(beta, "beta")
        try requireAtLeast(sweeps, 1, "sweeps")
        guard freezeOut > 0, freezeOut <= 1 else { throw IsingError("freeze_out must be in (0, 1], got \(freezeOut)") }
        guard schedule.problem(at: freezeOut) > 0 else {
            throw IsingError("the schedule's B(s) is 0 at the freeze-out point \(freezeOut), so nothing would be sampled")
        }
        self.schedule = schedule; self.beta = beta; self.freezeOut = freezeOut; self.sweeps = sweeps
    }

    /// The effective inverse temperature of the frozen state, β_phys · B(s*)/2.
    public var effectiveBeta: Double { beta * schedule.problem(at: freezeOut) / 2 }
    /// The effective transverse field of the frozen state relative to the problem, A(s*)/B(s*).
    public var effectiveGamma: Double { schedule.transverse(at: freezeOut) / schedule.problem(at: freezeOut) }

    /// The inverse temperature of every sweep.
    public func betas() -> [Double] {
        schedule.path.fractions(sweeps: sweeps).map { s in beta * schedule.problem(at: min(s, freezeOut)) / 2 }
    }

    public var name: String { "freeze_out" }

    public var settings: [(String, String)] {
        [("schedule", schedule.name), ("freeze_out", "\(freezeOut)"), ("sweeps", "\(sweeps)"), ("beta", "\(beta)")]
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        if schedule.path.isReverse && request.initial == nil && model.count > 0 {
            throw IsingError("a reverse anneal (a path starting at s = 1) starts from given states: pass `initial:` to sample")
        }
        let annealer = try SimulatedAnnealing(sweeps: sweeps, schedule: .custom(betas()))
        var raw = try annealer.sample(model, request)
        raw.info = raw.info.filter { !$0.0.hasPrefix("beta_range") && $0.0 != "schedule" }
        raw.info.append(("beta_eff", .double(effectiveBeta)))
        raw.info.append(("gamma_eff", .double(effectiveGamma)))
        return raw
    }
}
