import IsingCore

extension RBM {
    /// The RBM's energy as a binary quadratic model over variables 0..<visible (v) and
    /// visible..<visible+hidden (h): a QUBO for Bernoulli units, an Ising model for spin
    /// units, with E_model(v, h) = E(v, h) / temperature. Sampling it at β = 1 with any
    /// sampler samples the RBM (at `temperature`, an effective-temperature correction).
    public func quadraticModel(temperature: Double = 1) throws -> BinaryQuadraticModel {
        guard temperature > 0, temperature.isFinite else { throw IsingError("the temperature must be a positive number") }
        var m = BinaryQuadraticModel(vartype: units == .bernoulli ? .binary : .spin)
        for i in 0..<visible { m.addLinear(.int(i), -Double(visibleBias[i]) / temperature) }
        for j in 0..<hidden { m.addLinear(.int(visible + j), -Double(hiddenBias[j]) / temperature) }
        for i in 0..<visible {
            for j in 0..<hidden where weights[i * hidden + j] != 0 {
                m.addQuadratic(index: i, index: visible + j, -Double(weights[i * hidden + j]) / temperature)
            }
        }
        return m
    }

    /// Joint states drawn by a sampler from `quadraticModel(temperature:)`, split into
    /// visible and hidden rows (unit values 0/1 or ±1), one per read.
    public func sampleJoint(_ sampler: any Sampler, reads: Int, seed: UInt64, temperature: Double = 1,
                            threads: Int = 1) throws -> (visible: [Float], hidden: [Float]) {
        let model = try quadraticModel(temperature: temperature)
        let set = try sampler.sample(model, SampleRequest(reads: reads, seed: seed, threads: threads))
        let n = visible + hidden
        var v: [Float] = [], h: [Float] = []
        v.reserveCapacity(reads * visible)
        h.reserveCapacity(reads * hidden)
        // Sample sets may aggregate repeated states: expand by counts.
        for r in 0..<set.size {
            let row = set.state(r)
            guard row.count == n else { throw IsingError("the sampler returned states of \(row.count) variables, expected \(n)") }
            for _ in 0..<max(set.counts[r], 1) {
                v.append(contentsOf: row.prefix(visible).map { Float($0) })
                h.append(contentsOf: row.suffix(hidden).map { Float($0) })
            }
        }
        return (v, h)
    }
}
