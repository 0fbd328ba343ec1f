import Foundation

/// Simulated quantum annealing: path-integral Monte Carlo of the transverse-field Ising
/// model H(s) = −A(s)/2 Σ σx + B(s)/2 H_P (D-Wave's convention) along an anneal schedule.
///
/// Each read is P Trotter slices of the spins coupled in imaginary time; sweep m of
/// `sweeps` sits at the path's s after the fraction m / (sweeps − 1) of its duration, and
/// is one pass of single-slice Metropolis moves plus one world-line move per spin with
/// a = β B(s) / (2P) and J⊥ = −½ ln tanh(β A(s) / (2P)) (see `TrotterStep`). β is in the
/// inverse of the schedule's units: 1/GHz for device schedules (h / (k_B T), about 4.0 at
/// 12 mK), the inverse model unit for `linear`. A read reports one slice (`readout`).
///
/// A path starting at s = 1 is a reverse anneal: every slice starts from the request's
/// initial state, which must then be given. Reads run 16 at a time in SIMD lanes, seeded
/// per read, so the samples do not depend on the thread count.
public struct SimulatedQuantumAnnealing: Sampler {
    public let schedule: AnnealSchedule
    /// Trotter slices P.
    public let trotter: Int
    public let sweeps: Int
    /// Inverse temperature in the inverse of the schedule's energy unit.
    public let beta: Double
    public let readout: SliceReadout

    /// An annealer; throws on trotter outside 1...1024, sweeps outside 1...10^7 or a non-positive β.
    public init(schedule: AnnealSchedule, trotter: Int = 16, sweeps: Int = 1000, beta: Double,
                readout: SliceReadout = .first) throws {
        try requireSlices(trotter)
        try requireSweeps(sweeps)
        try requirePositive(beta, "beta")
        self.schedule = schedule; self.trotter = trotter; self.sweeps = sweeps; self.beta = beta; self.readout = readout
    }

    public var name: String { "sqa" }

    public var settings: [(String, String)] {
        [("schedule", schedule.name), ("trotter", "\(trotter)"), ("sweeps", "\(sweeps)"),
         ("beta", "\(beta)" + (schedule.units == .gigahertz ? " /GHz" : "")), ("readout", readout.rawValue)]
    }

    /// The (a, J⊥) of every sweep.
    public func steps() -> [TrotterStep] {
        schedule.path.fractions(sweeps: sweeps).map { s in
            TrotterStep.step(beta: beta, classical: schedule.problem(at: s) / 2, gamma: schedule.transverse(at: s) / 2,
                             slices: trotter)
        }
    }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        try requireWorldLineMemory(count: n, slices: trotter)
        if schedule.path.isReverse && request.initial == nil && n > 0 {
            throw IsingError("a reverse anneal (a path starting at s = 1) starts from given states: pass `initial:` to sample")
        }
        let info: [(String, InfoValue)] = [
            ("schedule", .string(schedule.name)), ("units", .string(schedule.units.rawValue)),
            ("trotter", .int(trotter)), ("sweeps", .int(sweeps)), ("beta", .double(beta)),
            ("readout", .string(readout.rawValue)),
            ("spin_sweeps", .double(Double(request.reads) * Double(n) * Double(sweeps))),
        ]
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: request.reads), info: info)
        }
        let states = try runPathIntegral(model, slices: trotter, steps: steps(), readout: readout, request)
        return SpinSamples(states: states, energies: energies(of: states, model), info: info)
    }
}
