/// A hardware lattice seen as straight lines of qubits, as native clique layouts use it.
///
/// Every qubit of Chimera, Pegasus and Zephyr is a short straight segment, and its
/// lattice places such segments end to end along lines: horizontal lines indexed by a row
/// coordinate and vertical ones by a column coordinate. Consecutive qubits of a line are
/// coupled, and a horizontal qubit is coupled to every vertical qubit it crosses. Qubit
/// `i` of a line covers coordinates `start + i·span … start + (i + 1)·span − 1` across
/// the other orientation (a vertical qubit covers rows, a horizontal one columns).
///
/// Each qubit is present in the target, dead (in the lattice but not in the target) or
/// absent (not part of the lattice at all, as outside Pegasus' fabric).
struct CliqueLines: Sendable {
    /// How many rows (coordinates of horizontal lines) and columns (of vertical lines).
    let rows: Int
    let cols: Int
    /// Per line: first coordinate covered, coordinates per qubit, number of qubits, and
    /// where its qubits start in `qubits`.
    private(set) var start: [Int] = []
    private(set) var span: [Int] = []
    private(set) var count: [Int] = []
    private(set) var base: [Int] = []
    /// Target node index of each qubit of each line; `dead` or `absent` when not in the target.
    private(set) var qubits: [Int] = []
    /// Per line (at `base + line`, `count + 1` entries): how many qubits before position i
    /// are dead, how many are absent, and how many links (i − 1, i) before i are missing.
    private var deadBefore: [Int32] = []
    private var absentBefore: [Int32] = []
    private var cutBefore: [Int32] = []
    /// Per line (at line · (columns or rows across it)): which of its qubits covers each
    /// coordinate across it, or −1.
    private var coverage: [Int32] = []
    /// Line ids of each row (horizontal lines) and each column (vertical lines).
    private(set) var rowLines: [[Int]]
    private(set) var colLines: [[Int]]

    /// The lattice repeats itself when shifted by this many rows or columns.
    let period: Int
    /// Rows (and columns) where every line of the other orientation is present and reaches:
    /// a layout anywhere can be shifted by whole periods into a window of these.
    let interior: ClosedRange<Int>

    static let dead = -1
    static let absent = -2
    /// The node of a qubit in a lattice considered without a target (every qubit present).
    static let unresolved = Int.max

    init(rows: Int, cols: Int, period: Int, interior: ClosedRange<Int>) {
        self.rows = rows; self.cols = cols; self.period = period; self.interior = interior
        rowLines = Array(repeating: [], count: rows)
        colLines = Array(repeating: [], count: cols)
    }

    /// The window of the grid a layout of width W needs on the perfect lattice: W + period − 1
    /// rows and columns inside the interior, or nil (the whole grid) when they do not fit.
    func window(width W: Int) -> (rows: ClosedRange<Int>, cols: ClosedRange<Int>)? {
        let size = W + period - 1
        guard size <= interior.count, size * 3 < rows * 2 || size * 3 < cols * 2 else { return nil }
        let r = interior.lowerBound...(interior.lowerBound + size - 1)
        return (r, r)
    }

    /// Whether some qubit of the lattice is dead or some link along a line is missing.
    var isDamaged: Bool { qubits.contains(CliqueLines.dead) || cutBefore.contains { $0 > 0 } }

    /// The most lines any row or column holds.
    var bundle: Int { max(rowLines.map(\.count).max() ?? 0, colLines.map(\.count).max() ?? 0) }

    /// Coordinates per qubit, the largest over all lines.
    var longestSpan: Int { span.max() ?? 1 }

    /// Adds a line at row `at` (horizontal) or column `at` (vertical) whose qubits have the
    /// given lattice labels (nil: absent from the lattice), looked up in the target (every
    /// qubit present when there is no target).
    mutating func addLine(horizontal: Bool, at coordinate: Int, start s: Int, span p: Int, labels: [Int?],
                          index: TargetIndex?) {
        let id = start.count
        start.append(s); span.append(p); count.append(labels.count); base.append(qubits.count)
        var dead: Int32 = 0, absent: Int32 = 0, cut: Int32 = 0
        deadBefore.append(0); absentBefore.append(0); cutBefore.append(0)
        var previous: Int?
        for label in labels {
            let q: Int
            if let label { q = index.map { $0.node(label) ?? CliqueLines.dead } ?? CliqueLines.unresolved } else { q = CliqueLines.absent }
            if let index, let a = previous, a >= 0, q >= 0, !index.target.hasEdge(a, q) { cut += 1 }
            if q == CliqueLines.dead { dead += 1 }
            if q == CliqueLines.absent { absent += 1 }
            qubits.append(q)
            deadBefore.append(dead); absentBefore.append(absent); cutBefore.append(cut)
            previous = q
        }
        if horizontal { rowLines[coordinate].append(id) } else { colLines[coordinate].append(id) }
        let across = horizontal ? cols : rows
        coverage += (0..<across).map { c in c >= s && c < s + labels.count * p ? Int32((c - s) / p) : -1 }
    }

    /// The part of a line covering coordinates lo…hi: its first qubit position, its number
    /// of qubits and whether it is whole (0), damaged by dead qubits or missing links (1),
    /// or not usable (2: the line does not reach, or a qubit is absent from the lattice).
    @inline(__always)
    func segment(_ line: Int, _ lo: Int, _ hi: Int) -> (first: Int, length: Int, state: Int) {
        let s = start[line], p = span[line], n = count[line]
        guard lo >= s, hi < s + n * p else { return (0, 0, 2) }
        let a = (lo - s) / p, b = (hi - s) / p
        let o = base[line] + line
        if absentBefore[o + b + 1] != absentBefore[o + a] { return (a, b - a + 1, 2) }
        let whole = deadBefore[o + b + 1] == deadBefore[o + a] && cutBefore[o + b] == cutBefore[o + a]
        return (a, b - a + 1, whole ? 0 : 1)
    }

    /// Segment lengths and states (as `segment`) of the lines of rows (horizontal) or
    /// columns `coordinates`, over every span of `width` coordinates starting at `first` + a
    /// for a < positions: entry (p · positions + a) · bundle + k for the k-th line of the
    /// p-th coordinate, or (a · coordinates + p) · bundle + k when `byPosition` is set
    /// (state 2 where a row has fewer than `bundle` lines).
    func fillSegments(horizontal: Bool, coordinates: ClosedRange<Int>, first: Int, positions: Int, width: Int, bundle: Int,
                      byPosition: Bool, length: inout [Int32], state: inout [UInt8]) {
        let size = coordinates.count * positions * bundle
        length = [Int32](repeating: 0, count: size)
        state = [UInt8](repeating: 2, count: size)
        let byCoordinate = horizontal ? rowLines : colLines
        let across = horizontal ? cols : rows
        coverage.withUnsafeBufferPointer { cover in
        deadBefore.withUnsafeBufferPointer { dead in
        absentBefore.withUnsafeBufferPointer { absent in
        cutBefore.withUnsafeBufferPointer { cut in
        length.withUnsafeMutableBufferPointer { length in
        state.withUnsafeMutableBufferPointer { state in
            for (p, coordinate) in coordinates.enumerated() {
                for (k, line) in byCoordinate[coordinate].prefix(bundle).enumerated() {
                    let o = base[line] + line, c = line * across + first
                    var out = (byPosition ? p : p * positions) * bundle + k
                    let step = (byPosition ? coordinates.count : 1) * bundle
                    for a in 0..<positions {
                        defer { out += step }
                        let i = Int(cover[c + a]), j = Int(cover[c + a + width - 1])
                        guard i >= 0, j >= 0 else { continue }
                        length[out] = Int32(j - i + 1)
                        if absent[o + j + 1] != absent[o + i] { continue }
                        state[out] = dead[o + j + 1] == dead[o + i] && cut[o + j] == cut[o + i] ? 0 : 1
                    }
                }
            }
        } } } } } }
    }

    /// The target nodes of a segment that are present.
    func presentQubits(_ line: Int, first: Int, length: Int) -> [Int] {
        let b = base[line]
        return (first..<(first + length)).map { qubits[b + $0] }.filter { $0 >= 0 }
    }
}

/// Target node indices by lattice label, for building clique lines.
struct TargetIndex {
    let target: Graph
    private let byLabel: [Int]

    init(_ target: Graph, labelCount: Int) {
        self.target = target
        var byLabel = [Int](repeating: -1, count: labelCount)
        for (i, node) in target.nodes.enumerated() {
            if case .int(let l) = node, l >= 0, l < labelCount { byLabel[l] = i }
        }
        self.byLabel = byLabel
    }

    /// The target node with this label, if the target has it.
    func node(_ label: Int) -> Int? {
        guard label >= 0, label < byLabel.count, byLabel[label] >= 0 else { return nil }
        return byLabel[label]
    }
}
