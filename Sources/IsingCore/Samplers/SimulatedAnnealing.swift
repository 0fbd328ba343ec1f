import Foundation

/// Simulated annealing: independent Metropolis (or Gibbs) chains, one per read, swept in
/// index order while β rises from a hot to a cold value; each read is the final state of
/// its chain. With `betaRange: nil` the range follows dwave-samplers' default rule (see
/// `BetaRange.defaultRange(for:)`), and the chosen range and the reason are reported in
/// the samples' info as "beta_range" and "beta_range_reason".
///
/// Reads are annealed 16 at a time in SIMD lanes (`LaneAnnealer`); read r's chain is
/// seeded by `request.seed(forRead: r)`, and reads 16k..16k+15 always share a block, so
/// results do not depend on the thread count.
public struct SimulatedAnnealing: Sampler {
    /// Number of sweeps (one β per sweep); ignored by a custom schedule, whose length counts.
    public let sweeps: Int
    /// (hot, cold) inverse temperatures, or nil for the default rule.
    public let betaRange: (Double, Double)?
    /// How β goes from the hot to the cold end.
    public let schedule: BetaSchedule
    /// Metropolis or Gibbs (heat-bath) acceptance of single flips.
    public let proposal: UpdateRule

    /// An annealer; throws on sweeps < 1, a non-positive or non-finite β range, or an
    /// empty or negative custom schedule.
    public init(sweeps: Int = 1000, betaRange: (Double, Double)? = nil, schedule: BetaSchedule = .geometric,
                proposal: UpdateRule = .metropolis) throws {
        try requireAtLeast(sweeps, 1, "sweeps")
        if let (hot, cold) = betaRange {
            guard hot.isFinite, cold.isFinite, hot >= 0, cold > 0 else {
                throw IsingError("beta_range must be two finite numbers, the hot one not negative and the cold one above 0, got (\(hot), \(cold))")
            }
            if case .geometric = schedule, hot <= 0 {
                throw IsingError("a geometric schedule needs a hot beta above 0, got \(hot)")
            }
        }
        if case .custom(let list) = schedule { _ = try BetaSchedule.custom(list).betas(hot: 0, cold: 0, count: 1) }
        self.sweeps = sweeps
        self.betaRange = betaRange
        self.schedule = schedule
        self.proposal = proposal
    }

    public var name: String { "sa" }

    public var settings: [(String, String)] {
        var out: [(String, String)] = [("sweeps", "\(sweeps)")]
        if let (hot, cold) = betaRange { out.append(("beta_range", "(\(hot), \(cold))")) } else { out.append(("beta_range", "default")) }
        out.append(("schedule", schedule.description))
        out.append(("proposal", proposal.rawValue))
        return out
    }

    /// The β of every sweep for `model`, with the range used and why.
    public func betas(for model: SpinModel) throws -> (betas: [Double], range: BetaRange) {
        let (s, range) = try sequence(for: model)
        return ((0..<s.count).map { s[$0] }, range)
    }

    /// `betas(for:)` computed one sweep at a time.
    func sequence(for model: SpinModel) throws -> (BetaSequence, BetaRange) {
        if case .custom(let list) = schedule {
            let s = try schedule.sequence(hot: 0, cold: 0, count: list.count)
            return (s, BetaRange(hot: s[0], cold: s[s.count - 1], reason: "custom schedule of \(s.count) betas"))
        }
        let range: BetaRange
        if let (hot, cold) = betaRange {
            range = BetaRange(hot: hot, cold: cold, reason: "given")
        } else {
            range = BetaRange.defaultRange(for: model)
        }
        return (try schedule.sequence(hot: range.hot, cold: range.cold, count: sweeps), range)
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        let (betas, range) = try sequence(for: model)
        let reads = request.reads
        var info: [(String, InfoValue)] = [
            ("beta_range", .doubles([range.hot, range.cold])),
            ("beta_range_reason", .string(range.reason)),
            ("schedule", .string(schedule.description)),
            ("sweeps", .int(betas.count)),
            ("proposal", .string(proposal.rawValue)),
        ]
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: reads), info: info)
        }
        let states = try annealInLanes(model, betas: betas, rule: proposal, request)
        info.append(("spin_updates", .double(Double(reads) * Double(n) * Double(betas.count))))
        return SpinSamples(states: states, energies: energies(of: states, model), info: info)
    }
}
