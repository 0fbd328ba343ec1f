extension HardwareGraphs {
    /// The Zephyr lattice Z(m, t): 4tm(2m + 1) qubits on 2m + 1 tracks in each orientation,
    /// of degree up to 4t + 4, and 2t((8t + 8)m² − 2m − 3) couplers (2t(8t + 3) for m = 1).
    /// A qubit (u, w, k, j, z) lies on track w of orientation u and spans two track widths
    /// starting at 2z + j; it couples to the next qubit on its line (external), to the
    /// qubits of the same track and k that overlap it (odd), and to the 4t qubits of the
    /// other orientation that it crosses (internal).
    public static func zephyr(_ m: Int, t: Int = 4) throws -> Graph {
        try check(m, "m", 1...128)
        try check(t, "t", 1...64)
        guard 4 * t * m * (2 * m + 1) <= 1_000_000 else {
            throw IsingError("zephyr(\(m), \(t)) would have \(4 * t * m * (2 * m + 1)) qubits (at most 1000000)")
        }
        let topology = HardwareTopology(family: .zephyr, m: m, n: m, t: t)
        let tracks = 2 * m + 1
        var b = HardwareGraphBuilder(topology)
        func q(_ u: Int, _ w: Int, _ k: Int, _ j: Int, _ z: Int) -> Int { (((u * tracks + w) * t + k) * 2 + j) * m + z }
        for u in 0..<2 {
            for w in 0..<tracks {
                for k in 0..<t {
                    for z in 0..<m {
                        for j in 0..<2 {
                            b.addQubit(q(u, w, k, j, z))
                            if z + 1 < m { b.couple(q(u, w, k, j, z), q(u, w, k, j, z + 1)) }
                        }
                        b.couple(q(u, w, k, 0, z), q(u, w, k, 1, z))
                        if z > 0 { b.couple(q(u, w, k, 0, z), q(u, w, k, 1, z - 1)) }
                    }
                }
            }
        }
        for w in 0..<m {
            for z in 0..<m {
                for i in 0..<2 {
                    for j in 0..<2 {
                        for a in 0..<2 {
                            for c in 0..<2 {
                                let vw = 2 * w + 1 + a * (2 * i - 1)
                                let hw = 2 * z + 1 + c * (2 * j - 1)
                                for k in 0..<t {
                                    for kk in 0..<t { b.couple(q(0, vw, k, j, z), q(1, hw, kk, i, w)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return b.graph()
    }
}
