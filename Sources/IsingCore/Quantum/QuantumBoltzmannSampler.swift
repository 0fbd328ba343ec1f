import Foundation

/// Samples the quantum Boltzmann (Gibbs) state ρ = exp(−β(H_P − Γ Σ σx)) / Z in the
/// computational basis by path-integral Monte Carlo at equilibrium: each read is its own
/// P-slice world-line system run for `sweeps` sweeps at the fixed a = β/P and
/// J⊥ = −½ ln tanh(βΓ/P), reporting slice 0 (or the best slice). Note the convention:
/// Γ multiplies Σ σx directly and β is in the model's inverse energy units, unlike sqa's
/// −A/2, B/2 device convention; exact_quantum uses this same one. The Trotter error in
/// the distribution falls as (βΓ/P)².
public struct QuantumBoltzmannSampler: Sampler {
    public let gamma: Double
    public let beta: Double
    public let trotter: Int
    public let sweeps: Int
    public let readout: SliceReadout

    /// A sampler; throws on a negative Γ, a non-positive β, trotter outside 1...1024 or sweeps outside 1...10^7.
    public init(gamma: Double, beta: Double = 1, trotter: Int = 32, sweeps: Int = 1000, readout: SliceReadout = .first) throws {
        guard gamma.isFinite, gamma >= 0 else { throw IsingError("gamma must be a finite number not below 0, got \(gamma)") }
        try requirePositive(beta, "beta")
        try requireSlices(trotter)
        try requireSweeps(sweeps)
        self.gamma = gamma; self.beta = beta; self.trotter = trotter; self.sweeps = sweeps; self.readout = readout
    }

    public var name: String { "qbm" }

    public var settings: [(String, String)] {
        [("gamma", "\(gamma)"), ("beta", "\(beta)"), ("trotter", "\(trotter)"), ("sweeps", "\(sweeps)")]
    }

    /// The constant (a, J⊥) of every sweep.
    public var step: TrotterStep { TrotterStep.step(beta: beta, classical: 1, gamma: gamma, slices: trotter) }

    public func sample(_ model: SpinModel, _ request: SampleRequest) throws -> SpinSamples {
        let n = model.count
        try validate(request, count: n)
        try requireWorldLineMemory(count: n, slices: trotter)
        let st = step
        let info: [(String, InfoValue)] = [
            ("gamma", .double(gamma)), ("beta", .double(beta)), ("trotter", .int(trotter)), ("sweeps", .int(sweeps)),
            ("bond", .double(st.bond)), ("readout", .string(readout.rawValue)),
        ]
        guard n > 0 else {
            return SpinSamples(states: [], energies: [Double](repeating: model.offset, count: request.reads), info: info)
        }
        let states = try runPathIntegral(model, slices: trotter, steps: [TrotterStep](repeating: st, count: sweeps),
                                         readout: readout, request)
        return SpinSamples(states: states, energies: energies(of: states, model), info: info)
    }
}
