/// Which hardware lattice a graph was built as, with its size parameters: what clique
/// embedding and drawing need to know beyond the nodes and edges.
///
/// Qubits are numbered as D-Wave's tools number them (the "linear" labels):
/// - chimera(m, n, t), coordinates (i, j, u, k): label ((i n + j) 2 + u) t + k;
/// - pegasus(m) (t = 12), coordinates (u, w, k, z): label ((u m + w) 12 + k)(m − 1) + z;
/// - zephyr(m, t), coordinates (u, w, k, j, z): label (((u (2m + 1) + w) t + k) 2 + j) m + z.
public struct HardwareTopology: Sendable, Equatable, CustomStringConvertible {
    /// The lattice family.
    public enum Family: String, Sendable, Equatable, CaseIterable {
        case chimera, pegasus, zephyr
    }

    public let family: Family
    /// Rows of unit cells (chimera), or the size parameter (pegasus, zephyr).
    public let m: Int
    /// Columns of unit cells (chimera); equal to m for pegasus and zephyr.
    public let n: Int
    /// Qubits per shore of a unit cell (chimera, zephyr); 12 for pegasus.
    public let t: Int

    public init(family: Family, m: Int, n: Int, t: Int) {
        self.family = family; self.m = m; self.n = n; self.t = t
    }

    /// How the graph is written in the language: "chimera(16)", "chimera(4, 8, 2)", "pegasus(6)", "zephyr(4)".
    public var description: String {
        switch family {
        case .chimera:
            if t != 4 { return "chimera(\(m), \(n), \(t))" }
            return n == m ? "chimera(\(m))" : "chimera(\(m), \(n))"
        case .pegasus: return "pegasus(\(m))"
        case .zephyr: return t == 4 ? "zephyr(\(m))" : "zephyr(\(m), \(t))"
        }
    }

    /// The names of the coordinates, in order.
    public var coordinateNames: [String] {
        switch family {
        case .chimera: return ["i", "j", "u", "k"]
        case .pegasus: return ["u", "w", "k", "z"]
        case .zephyr: return ["u", "w", "k", "j", "z"]
        }
    }

    /// The exclusive upper bound of each coordinate.
    public var coordinateBounds: [Int] {
        switch family {
        case .chimera: return [m, n, 2, t]
        case .pegasus: return [2, m, 12, max(0, m - 1)]
        case .zephyr: return [2, 2 * m + 1, t, 2, m]
        }
    }

    /// How many labels the numbering covers (some may be absent from the graph, as at the
    /// edges of pegasus' fabric).
    public var labelCount: Int { coordinateBounds.reduce(1, *) }

    /// The linear label of coordinates, or nil when they are out of range.
    public func label(of coordinates: [Int]) -> Int? {
        let bounds = coordinateBounds
        guard coordinates.count == bounds.count else { return nil }
        var label = 0
        for (c, b) in zip(coordinates, bounds) {
            guard c >= 0, c < b else { return nil }
            label = label * b + c
        }
        return label
    }

    /// The coordinates of a linear label, or nil when it is out of range.
    public func coordinates(of label: Int) -> [Int]? {
        guard label >= 0, label < labelCount else { return nil }
        var rest = label
        var out = [Int](repeating: 0, count: coordinateBounds.count)
        for (i, b) in coordinateBounds.enumerated().reversed() {
            out[i] = rest % b
            rest /= b
        }
        return out
    }
}
