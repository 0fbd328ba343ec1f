extension CliqueLines {
    /// The lines of zephyr(m, t) on its grid of 2m + 1 tracks: vertical qubit
    /// (0, w, k, j, z) lies on column w and covers rows 2z + j and 2z + j + 1, horizontal
    /// qubit (1, w, k, j, z) lies on row w and covers columns likewise. Each row and column
    /// holds 2t lines (k, j) of m qubits.
    ///
    /// The native clique layouts on this grid reach K_{2t(2m−1)} on a perfect zephyr(m, t)
    /// (K184 in Z12, chains of m + 1 qubits).
    /// Every line reaches tracks 1 … 2m − 1, and the lattice repeats every 2 tracks.
    /// Without a target every qubit is present.
    static func zephyr(_ m: Int, t: Int, target: Graph?) -> CliqueLines {
        let topology = HardwareTopology(family: .zephyr, m: m, n: m, t: t)
        let index = target.map { TargetIndex($0, labelCount: topology.labelCount) }
        let tracks = 2 * m + 1
        var lines = CliqueLines(rows: tracks, cols: tracks, period: 2, interior: 1...(2 * m - 1))
        for u in 0..<2 {
            for w in 0..<tracks {
                for k in 0..<t {
                    for j in 0..<2 {
                        let labels: [Int?] = (0..<m).map { z in (((u * tracks + w) * t + k) * 2 + j) * m + z }
                        lines.addLine(horizontal: u == 1, at: w, start: j, span: 2, labels: labels, index: index)
                    }
                }
            }
        }
        return lines
    }
}
