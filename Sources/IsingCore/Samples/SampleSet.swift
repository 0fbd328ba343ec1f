/// A value in a sample set's `info`: what a sampler reports about its run.
public enum InfoValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case doubles([Double])

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        case .doubles(let xs): return "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]"
        }
    }
}

/// Exact quantities from full enumeration, at inverse temperature `beta`.
public struct ExactSummary: Sendable {
    public var beta: Double
    public var logZ: Double
    public var groundEnergy: Double
    /// Every state with the ground energy (±1 or 0/1 per the sample set's vartype).
    public var groundStates: [[Int8]]
    /// ⟨x_i⟩ for each variable (in the sample set's vartype).
    public var magnetization: [Double]
    /// ⟨x_i x_j⟩, row-major count × count.
    public var correlations: [Double]
    /// log p of every state, for distributions that are not exp(−β E) / Z in the states'
    /// energies (the diagonal of a quantum Gibbs state); indexed by the state's bits, bit i
    /// set when variable i is +1 (or 1). Nil for a classical Boltzmann distribution.
    public var logProbabilities: [Double]? = nil
    /// The enumerated model (in the sample set's vartype), so that a state's probability
    /// comes from its own energy: another sample set's stored energies may belong to some
    /// other model (decoded reads, for one, carry none).
    public var model: BinaryQuadraticModel? = nil

    public init(beta: Double, logZ: Double, groundEnergy: Double, groundStates: [[Int8]], magnetization: [Double], correlations: [Double]) {
        self.beta = beta; self.logZ = logZ; self.groundEnergy = groundEnergy
        self.groundStates = groundStates; self.magnetization = magnetization; self.correlations = correlations
    }
}

extension ExactSummary {
    /// log p(state) under this distribution: from `logProbabilities` when present, else
    /// −β E − log Z with the state's energy in the enumerated model (or `energy`, when the
    /// summary does not hold the model).
    public func logProbability(of state: ArraySlice<Int8>, energy: Double) -> Double {
        if let table = logProbabilities, state.count < 63 {
            var index = 0
            for (i, v) in state.enumerated() where v > 0 { index |= 1 << i }
            return index < table.count ? table[index] : -.infinity
        }
        if let m = model, state.count == m.count { return -beta * m.energy(Array(state)) - logZ }
        return -beta * energy - logZ
    }
}

/// Samples of a model: one row per read (or per distinct state after aggregation) with
/// its energy and number of occurrences, plus what the sampler reports in `info`.
public struct SampleSet: Sendable {
    public let variables: [Label]
    public let vartype: Vartype
    /// Row-major: `states[r * variables.count + i]`, values ±1 or 0/1 per `vartype`.
    public var states: [Int8]
    public var energies: [Double]
    public var counts: [Int]
    /// Ordered facts about the run (sampler name, parameters, chosen β range, ...).
    public var info: [(String, InfoValue)]
    /// Wall-clock seconds spent sampling.
    public var seconds: Double
    /// Present when the sampler enumerated the model exactly.
    public var exact: ExactSummary?
    /// False when the rows have no energies (reads decoded from chains without the logical
    /// Hamiltonian); `energies` then holds placeholder zeros that must not be reported.
    public var hasEnergies = true

    public init(variables: [Label], vartype: Vartype, states: [Int8], energies: [Double], counts: [Int]? = nil,
                info: [(String, InfoValue)] = [], seconds: Double = 0, exact: ExactSummary? = nil) {
        self.variables = variables
        self.vartype = vartype
        self.states = states
        self.energies = energies
        self.counts = counts ?? [Int](repeating: 1, count: energies.count)
        self.info = info
        self.seconds = seconds
        self.exact = exact
    }

    /// Number of rows.
    public var size: Int { energies.count }

    /// Total number of reads (sum of counts).
    public var reads: Int { counts.reduce(0, +) }

    /// One row's state.
    public func state(_ r: Int) -> ArraySlice<Int8> {
        let n = variables.count
        return states[(r * n)..<((r + 1) * n)]
    }

    /// The row with the lowest energy (the first such row).
    public var lowestIndex: Int? { energies.indices.min { energies[$0] < energies[$1] } }

    /// Identical states merged, their counts added; rows sorted by energy.
    public func aggregated() -> SampleSet {
        let n = variables.count
        var order: [[Int8]: Int] = [:]
        var rows: [[Int8]] = []
        var es: [Double] = []
        var cs: [Int] = []
        for r in 0..<size {
            let s = Array(state(r))
            if let k = order[s] { cs[k] += counts[r] } else {
                order[s] = rows.count
                rows.append(s); es.append(energies[r]); cs.append(counts[r])
            }
        }
        let sorted = rows.indices.sorted { es[$0] < es[$1] || (es[$0] == es[$1] && $0 < $1) }
        var flat: [Int8] = []
        flat.reserveCapacity(sorted.count * n)
        for k in sorted { flat.append(contentsOf: rows[k]) }
        var out = SampleSet(variables: variables, vartype: vartype, states: flat, energies: sorted.map { es[$0] },
                            counts: sorted.map { cs[$0] }, info: info, seconds: seconds, exact: exact)
        out.info = info
        out.hasEnergies = hasEnergies
        return out
    }

    /// Mean energy over reads (weighted by counts).
    public var meanEnergy: Double {
        let total = reads
        guard total > 0 else { return .nan }
        var s = 0.0
        for r in 0..<size { s += energies[r] * Double(counts[r]) }
        return s / Double(total)
    }

    /// ⟨x_i⟩ over reads, per variable.
    public var magnetization: [Double] {
        let n = variables.count
        var m = [Double](repeating: 0, count: n)
        let total = Double(reads)
        guard total > 0 else { return m }
        for r in 0..<size {
            let w = Double(counts[r])
            for i in 0..<n { m[i] += w * Double(states[r * n + i]) }
        }
        return m.map { $0 / total }
    }

    /// ⟨x_i x_j⟩ over reads, row-major n × n.
    public var correlations: [Double] {
        let n = variables.count
        var c = [Double](repeating: 0, count: n * n)
        let total = Double(reads)
        guard total > 0 else { return c }
        for r in 0..<size {
            let w = Double(counts[r])
            let base = r * n
            for i in 0..<n {
                let xi = Double(states[base + i]) * w
                if xi == 0 { continue }
                for j in 0..<n { c[i * n + j] += xi * Double(states[base + j]) }
            }
        }
        return c.map { $0 / total }
    }
}
