extension HardwareGraphs {
    /// The qubit offsets of D-Wave's standard Pegasus lattice, by k: where along its line
    /// each vertical (u = 0) and horizontal (u = 1) qubit starts, in twelfths of a line.
    static let pegasusVerticalOffsets = [2, 2, 2, 2, 10, 10, 10, 10, 6, 6, 6, 6]
    static let pegasusHorizontalOffsets = [6, 6, 6, 6, 2, 2, 2, 2, 10, 10, 10, 10]

    /// Whether qubit (u, w, k, z) of pegasus(m) belongs to the fabric: the qubits at the
    /// first and last w whose lines would stick out of the lattice are left out.
    static func pegasusInFabric(u: Int, w: Int, k: Int, m: Int) -> Bool {
        let crossing = u == 0 ? pegasusHorizontalOffsets : pegasusVerticalOffsets
        let first = crossing.min() ?? 0
        let last = 12 - (crossing.max() ?? 12)
        if w == 0 && k < first { return false }
        if w == m - 1 && k >= 12 - last { return false }
        return true
    }

    /// The Pegasus lattice P(m) with the standard offsets, fabric only: 24m(m − 1) − 8(m − 1)
    /// qubits of degree up to 15 (P16 has 5640 qubits and 40484 couplers). Each qubit is a
    /// line crossing 12 lines of the other orientation (internal couplers), coupled to the
    /// next qubit on its line (external) and to its twin on the neighbouring track (odd).
    public static func pegasus(_ m: Int) throws -> Graph {
        try check(m, "m", 2...128)
        let topology = HardwareTopology(family: .pegasus, m: m, n: m, t: 12)
        let v = pegasusVerticalOffsets, h = pegasusHorizontalOffsets
        var b = HardwareGraphBuilder(topology)
        let m1 = m - 1
        func q(_ u: Int, _ w: Int, _ k: Int, _ z: Int) -> Int { ((u * m + w) * 12 + k) * m1 + z }
        for u in 0..<2 {
            for w in 0..<m {
                for k in 0..<12 where pegasusInFabric(u: u, w: w, k: k, m: m) {
                    for z in 0..<m1 {
                        b.addQubit(q(u, w, k, z))
                        if z + 1 < m1 { b.couple(q(u, w, k, z), q(u, w, k, z + 1)) }
                        if k % 2 == 0 { b.couple(q(u, w, k, z), q(u, w, k + 1, z)) }
                    }
                }
            }
        }
        // A vertical qubit (0, w, k, z) crosses horizontal qubit kk of track z or z + 1,
        // depending on where the two lines start.
        for w in 0..<m {
            for kk in 0..<12 {
                let kFrom = w == 0 ? h[kk] : 0, kTo = w < m1 ? 12 : h[kk]
                for k in kFrom..<max(kFrom, kTo) {
                    let hw0 = kk < v[k] ? 1 : 0
                    let hz = w - (k < h[kk] ? 1 : 0)
                    guard pegasusInFabric(u: 0, w: w, k: k, m: m) else { continue }
                    for z in 0..<m1 where pegasusInFabric(u: 1, w: z + hw0, k: kk, m: m) {
                        b.couple(q(0, w, k, z), q(1, z + hw0, kk, hz))
                    }
                }
            }
        }
        return b.graph()
    }
}
