extension CliqueLines {
    /// The lines of pegasus(m) on a grid of twelfths: vertical qubit (0, w, k, z) lies at
    /// column 12w + k and covers rows 12z + offset(k) … 12z + offset(k) + 11; horizontal
    /// qubit (1, w, k, z) lies at row 12w + k and covers columns likewise. Each row and
    /// column holds one line of m − 1 qubits (lines outside the fabric are absent).
    ///
    /// The native clique layouts on this grid reach K_{12(m−1)} on a perfect pegasus(m), m ≥ 3
    /// (K180 in P16, chains of 16 and 17 qubits).
    /// Every line reaches rows and columns 10 … 12m − 11, and the lattice repeats every 12.
    /// Without a target every qubit of the fabric is present.
    static func pegasus(_ m: Int, target: Graph?) -> CliqueLines {
        let topology = HardwareTopology(family: .pegasus, m: m, n: m, t: 12)
        let index = target.map { TargetIndex($0, labelCount: topology.labelCount) }
        var lines = CliqueLines(rows: 12 * m, cols: 12 * m, period: 12, interior: 10...max(10, 12 * m - 11))
        let m1 = m - 1
        for u in 0..<2 {
            let offsets = u == 0 ? HardwareGraphs.pegasusVerticalOffsets : HardwareGraphs.pegasusHorizontalOffsets
            for w in 0..<m {
                for k in 0..<12 {
                    let inFabric = HardwareGraphs.pegasusInFabric(u: u, w: w, k: k, m: m)
                    let labels: [Int?] = (0..<m1).map { z in inFabric ? ((u * m + w) * 12 + k) * m1 + z : nil }
                    lines.addLine(horizontal: u == 1, at: 12 * w + k, start: offsets[k], span: 12, labels: labels, index: index)
                }
            }
        }
        return lines
    }
}
