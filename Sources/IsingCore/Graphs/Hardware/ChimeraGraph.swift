extension HardwareGraphs {
    /// The Chimera lattice C(m, n, t): an m × n grid of unit cells, each a complete
    /// bipartite K_{t,t} between t vertical (u = 0) and t horizontal (u = 1) qubits;
    /// vertical qubits couple to the same qubit in the cell below, horizontal ones to the
    /// same qubit in the cell to the right. m n 2t qubits and
    /// m n t² + (m − 1) n t + m (n − 1) t couplers.
    public static func chimera(_ m: Int, _ n: Int? = nil, t: Int = 4) throws -> Graph {
        let n = n ?? m
        try check(m, "m", 1...256)
        try check(n, "n", 1...256)
        try check(t, "t", 1...64)
        guard m * n * 2 * t <= 1_000_000 else {
            throw IsingError("chimera(\(m), \(n), \(t)) would have \(m * n * 2 * t) qubits (at most 1000000)")
        }
        let topology = HardwareTopology(family: .chimera, m: m, n: n, t: t)
        var b = HardwareGraphBuilder(topology)
        func q(_ i: Int, _ j: Int, _ u: Int, _ k: Int) -> Int { ((i * n + j) * 2 + u) * t + k }
        for i in 0..<m {
            for j in 0..<n {
                for k0 in 0..<t { for k1 in 0..<t { b.couple(q(i, j, 0, k0), q(i, j, 1, k1)) } }
                for k in 0..<t {
                    if i + 1 < m { b.couple(q(i, j, 0, k), q(i + 1, j, 0, k)) }
                    if j + 1 < n { b.couple(q(i, j, 1, k), q(i, j + 1, 1, k)) }
                }
            }
        }
        return b.graph()
    }
}
