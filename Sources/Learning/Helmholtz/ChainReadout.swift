import IsingCore

/// Reading deepest-layer states from a physical prior's qubits (the map g of eq. 21 and
/// its alternatives). A chain whose qubits disagree is broken; `majority` takes the value
/// most of its qubits hold (a tie settled by a fair coin), `weighted` the upper value with
/// probability equal to its share of the chain, and `minimizeEnergy` starts from the
/// majority and then sets each broken chain, in sweeps until nothing changes, to the value
/// of lower prior energy given the other chains' values.
extension HelmholtzMachine {
    /// The readouts a physical prior accepts (every read must give one state).
    public static let chainReadouts: [ChainBreakMethod] = [.majority, .weighted, .minimizeEnergy]

    /// Deepest-layer rows from `rows` reads of the prior's qubits, by `readout` (the
    /// machine's `chainReadout` unless given; `discard` reads broken chains by majority,
    /// and `intactReads` picks out the reads it keeps).
    func readChains(_ z: [Int8], rows: Int, chains: [[Int]], readout: ChainBreakMethod? = nil, rng: inout Xoshiro256) -> [Double] {
        let n = prior.count, t = top
        let method = readout ?? chainReadout
        let logical = method == .minimizeEnergy ? logicalPriorEnergy(chains: chains) : nil
        var u = [Double](repeating: 0, count: rows * t)
        var broken = [Int]()
        for r in 0..<rows {
            broken.removeAll(keepingCapacity: true)
            for (i, chain) in chains.enumerated() {
                var up = 0
                for q in chain where z[r * n + q] > 0 { up += 1 }
                let value: Double
                if up == chain.count || up == 0 {
                    value = up == 0 ? -1 : 1
                } else {
                    broken.append(i)
                    if method == .weighted {
                        value = rng.nextDouble() * Double(chain.count) < Double(up) ? 1 : -1
                    } else {
                        value = 2 * up > chain.count ? 1 : (2 * up < chain.count ? -1 : (rng.nextDouble() < 0.5 ? 1 : -1))
                    }
                }
                u[r * t + i] = value
            }
            if let (field, coupling) = logical, !broken.isEmpty {
                settle(&u, row: r, broken: broken, field: field, coupling: coupling)
            }
        }
        return u
    }

    /// The indices of the reads in which every chain's qubits agree.
    func intactReads(_ z: [Int8], rows: Int, chains: [[Int]]) -> [Int] {
        let n = prior.count
        return (0..<rows).filter { r in
            chains.allSatisfy { chain in
                guard let first = chain.first else { return true }
                let v = z[r * n + first]
                return chain.allSatisfy { z[r * n + $0] == v }
            }
        }
    }

    /// The prior's energy over chain values: each chain's field is the sum of its qubits'
    /// fields and each pair of chains' coupling the sum of the couplers between them
    /// (dense, top × top); couplers inside a chain add only a constant when it is whole.
    func logicalPriorEnergy(chains: [[Int]]) -> (field: [Double], coupling: [Double]) {
        let t = top
        var chainOf = [Int](repeating: -1, count: prior.count)
        for (c, chain) in chains.enumerated() { for q in chain where q >= 0 && q < prior.count { chainOf[q] = c } }
        var field = [Double](repeating: 0, count: t)
        for q in prior.h.indices where chainOf[q] >= 0 { field[chainOf[q]] += prior.h[q] }
        var coupling = [Double](repeating: 0, count: t * t)
        for (k, (a, b)) in prior.graph.edges.enumerated() {
            let ca = chainOf[a], cb = chainOf[b]
            guard ca >= 0, cb >= 0, ca != cb else { continue }
            coupling[ca * t + cb] += prior.J[k]
            coupling[cb * t + ca] += prior.J[k]
        }
        return (field, coupling)
    }

    /// Sets each broken chain of row `r` to its lower-energy value given the others, in
    /// sweeps until no value changes (at most 100 sweeps; a tie keeps the value).
    private func settle(_ u: inout [Double], row r: Int, broken: [Int], field: [Double], coupling: [Double]) {
        let t = top, base = r * t
        for _ in 0..<100 {
            var changed = false
            for i in broken {
                var f = field[i]
                for j in 0..<t { f += coupling[i * t + j] * u[base + j] }
                let best: Double = f > 0 ? -1 : (f < 0 ? 1 : u[base + i])
                if best != u[base + i] { u[base + i] = best; changed = true }
            }
            if !changed { return }
        }
    }
}
