extension Embedding {
    /// The default chain strength: uniform torque compensation. With J_rms the root mean
    /// square of the couplings (of the spin form) and d̄ the mean number of couplings per
    /// variable, it is √2 · J_rms · √d̄ — strong enough that the couplings around a typical
    /// chain rarely out-pull it, yet no stronger. A model without couplings gets 1.
    public static func uniformTorqueCompensation(_ model: BinaryQuadraticModel, prefactor: Double = 2.0.squareRoot()) -> Double {
        let spin = model.toIsing()
        let couplings = spin.interactions.map(\.bias).filter { $0 != 0 }
        guard !couplings.isEmpty, spin.count > 0 else { return 1 }
        let rms = (couplings.reduce(0) { $0 + $1 * $1 } / Double(couplings.count)).squareRoot()
        let meanDegree = 2 * Double(couplings.count) / Double(spin.count)
        return prefactor * rms * meanDegree.squareRoot()
    }

    /// The model over qubits that this embedding makes of a logical model: each field
    /// spread evenly over its chain's qubits, each coupling spread evenly over the target
    /// edges between the two chains, and every target edge inside a chain coupled
    /// ferromagnetically with `chainStrength` (its offset added back, so an intact chain's
    /// state has the logical energy). Built in spin form, returned in the model's vartype.
    public func embed(_ model: BinaryQuadraticModel, chainStrength: Double? = nil) throws -> BinaryQuadraticModel {
        let strength = chainStrength ?? Embedding.uniformTorqueCompensation(model)
        guard strength.isFinite, strength >= 0 else { throw IsingError("the chain strength must be a non-negative number, got \(strength)") }
        let spin = model.toIsing()
        var chainOf = [Int]()
        chainOf.reserveCapacity(spin.count)
        for l in spin.variables {
            guard let v = source.index(of: l) else {
                throw IsingError("the Hamiltonian's variable \(l) has no chain in the embedding (its source graph has no such node)")
            }
            chainOf.append(v)
        }
        var out = BinaryQuadraticModel(vartype: .spin)
        for q in usedQubits { out.addVariable(target.nodes[q]) }
        out.offset = spin.offset
        for (i, h) in spin.linear.enumerated() where h != 0 {
            let chain = chains[chainOf[i]]
            let share = h / Double(chain.count)
            for q in chain { out.addLinear(target.nodes[q], share) }
        }
        let adjacency = target.adjacency
        var member = [Int](repeating: -1, count: target.nodeCount)
        for (v, chain) in chains.enumerated() { for q in chain { member[q] = v } }
        for t in spin.interactions where t.bias != 0 {
            let a = chainOf[t.u], b = chainOf[t.v]
            var links: [(Int, Int)] = []
            for q in chains[a] {
                for e in adjacency.rowStart[q]..<adjacency.rowStart[q + 1] where member[Int(adjacency.neighbors[e])] == b {
                    links.append((q, Int(adjacency.neighbors[e])))
                }
            }
            guard !links.isEmpty else {
                throw IsingError("the coupling \(spin.variables[t.u])–\(spin.variables[t.v]) has no target edge between their chains")
            }
            let share = t.bias / Double(links.count)
            for (p, q) in links { out.addQuadratic(target.nodes[p], target.nodes[q], share) }
        }
        if strength > 0 {
            for chain in chains where chain.count > 1 {
                let inChain = Set(chain)
                for p in chain {
                    for e in adjacency.rowStart[p]..<adjacency.rowStart[p + 1] {
                        let q = Int(adjacency.neighbors[e])
                        guard q > p, inChain.contains(q) else { continue }
                        out.addQuadratic(target.nodes[p], target.nodes[q], -strength)
                        out.offset += strength
                    }
                }
            }
        }
        return model.vartype == .binary ? out.toQubo() : out
    }
}
