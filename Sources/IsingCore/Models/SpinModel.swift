/// An Ising model in the compact form samplers work on: fields `h`, and couplings as a
/// symmetric adjacency in CSR form (`neighbors[rowStart[i]..<rowStart[i+1]]` with the
/// matching `couplings`), over spins ±1 indexed 0..<count:
///
///     E(s) = Σ_i h_i s_i + Σ_{i<j} J_ij s_i s_j + offset
public struct SpinModel: Sendable {
    public let count: Int
    /// The label of each spin (the source model's variables), so composites can map
    /// spins to qubits by name.
    public let labels: [Label]
    public let h: [Double]
    public let offset: Double
    public let rowStart: [Int]
    public let neighbors: [Int32]
    public let couplings: [Double]
    /// Each interaction once (i < j), in the order of the source model.
    public let edges: [(Int, Int, Double)]

    /// Builds the compact form of a spin-vartype model (a binary one is converted first).
    public init(_ model: BinaryQuadraticModel) {
        let m = model.vartype == .spin ? model : model.toIsing()
        count = m.count
        labels = m.variables
        h = m.linear
        offset = m.offset
        var degree = [Int](repeating: 0, count: m.count)
        for t in m.interactions where t.bias != 0 { degree[t.u] += 1; degree[t.v] += 1 }
        var start = [Int](repeating: 0, count: m.count + 1)
        for i in 0..<m.count { start[i + 1] = start[i] + degree[i] }
        var fill = start
        var nb = [Int32](repeating: 0, count: start[m.count])
        var cp = [Double](repeating: 0, count: start[m.count])
        var list: [(Int, Int, Double)] = []
        for t in m.interactions where t.bias != 0 {
            nb[fill[t.u]] = Int32(t.v); cp[fill[t.u]] = t.bias; fill[t.u] += 1
            nb[fill[t.v]] = Int32(t.u); cp[fill[t.v]] = t.bias; fill[t.v] += 1
            list.append((t.u, t.v, t.bias))
        }
        rowStart = start
        neighbors = nb
        couplings = cp
        edges = list
    }

    /// Energy of a spin state (±1 by index).
    public func energy(_ s: UnsafeBufferPointer<Int8>) -> Double {
        var e = offset
        for i in 0..<count { e += h[i] * Double(s[i]) }
        for (i, j, b) in edges { e += b * Double(s[i]) * Double(s[j]) }
        return e
    }

    /// Energy of a spin state given as an array.
    public func energy(_ s: [Int8]) -> Double { s.withUnsafeBufferPointer { energy($0) } }

    /// The local field h_i + Σ_j J_ij s_j acting on spin i.
    @inline(__always)
    public func localField(_ i: Int, _ s: UnsafeBufferPointer<Int8>) -> Double {
        var f = h[i]
        for k in rowStart[i]..<rowStart[i + 1] { f += couplings[k] * Double(s[Int(neighbors[k])]) }
        return f
    }

    /// The largest |ΔE| of a single flip from any state: 2 (|h_i| + Σ_j |J_ij|), per spin.
    public var maxFlipEnergies: [Double] {
        (0..<count).map { i in
            var t = abs(h[i])
            for k in rowStart[i]..<rowStart[i + 1] { t += abs(couplings[k]) }
            return 2 * t
        }
    }
}

extension SpinModel {
    /// The model back as a spin-vartype binary quadratic model over its labels, so
    /// composites can change biases and hand the result to another sampler.
    public func quadraticModel() -> BinaryQuadraticModel {
        var m = BinaryQuadraticModel(vartype: .spin)
        m.offset = offset
        for (i, label) in labels.enumerated() { m.addLinear(label, h[i]) }
        for (i, j, b) in edges { m.addQuadratic(index: i, index: j, b) }
        return m
    }

    /// Energy of every row of a row-major block of spin states.
    public func energies(of states: [Int8]) -> [Double] {
        guard count > 0 else { return [] }
        let rows = states.count / count
        return states.withUnsafeBufferPointer { buffer in
            (0..<rows).map { r in energy(UnsafeBufferPointer(rebasing: buffer[(r * count)..<((r + 1) * count)])) }
        }
    }
}
