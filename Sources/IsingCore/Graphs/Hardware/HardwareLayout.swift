/// Where each qubit of a hardware lattice is drawn: a grid of unit cells, each cell a small
/// block of qubit positions, with one free row and column between cells.
///
/// - chimera(m, n, t): m × n cells of t × 2 positions; the top row holds the cell's vertical
///   qubits (u = 0), the bottom row its horizontal ones, k from left to right.
/// - pegasus(m): the cells of D-Wave's "nice" coordinates, each holding three K_{4,4} tiles:
///   a cell is 8 × 3 positions, tile by row, vertical qubits in the left half and
///   horizontal ones in the right, (m + 1) × (m + 1) cells including the fabric's border.
/// - zephyr(m, t): (2m + 1) × (2m + 1) cells of t × 2 positions. A vertical qubit
///   (0, w, k, j, z) lies in column w at row 2z + j, a horizontal one (1, w, k, j, z) in row
///   w at column 2z + j, so qubits that cross are drawn near each other.
public struct HardwareLayout: Sendable, Equatable {
    public let cellRows: Int
    public let cellCols: Int
    /// Qubit positions across and down one cell.
    public let cellWidth: Int
    public let cellHeight: Int
    let topology: HardwareTopology

    /// The position of one qubit.
    public struct Place: Sendable, Equatable {
        /// Column and row in the grid of qubit positions (cells and the gaps between them).
        public let x: Int
        public let y: Int
        /// Whether the qubit runs vertically (u = 0).
        public let vertical: Bool
    }

    public init(_ topology: HardwareTopology) {
        self.topology = topology
        switch topology.family {
        case .chimera:
            cellRows = topology.m; cellCols = topology.n; cellWidth = topology.t; cellHeight = 2
        case .pegasus:
            cellRows = topology.m + 1; cellCols = topology.m + 1; cellWidth = 8; cellHeight = 3
        case .zephyr:
            cellRows = 2 * topology.m + 1; cellCols = 2 * topology.m + 1; cellWidth = topology.t; cellHeight = 2
        }
    }

    /// Where the qubit with these coordinates is drawn, or nil for coordinates that do not
    /// belong to the lattice.
    public func place(_ c: [Int]) -> Place? {
        guard topology.label(of: c) != nil else { return nil }
        let cell: (row: Int, col: Int), slot: (row: Int, col: Int), vertical: Bool
        switch topology.family {
        case .chimera:
            cell = (c[0], c[1]); slot = (c[2], c[3]); vertical = c[2] == 0
        case .pegasus:
            let (u, w, k, z) = (c[0], c[1], c[2], c[3])
            let nice = HardwareLayout.niceCoordinates(u: u, w: w, k: k, z: z)
            cell = (nice.y + 1, nice.x + 1); slot = (nice.tile, u * 4 + nice.k); vertical = u == 0
        case .zephyr:
            let (u, w, k, j, z) = (c[0], c[1], c[2], c[3], c[4])
            cell = u == 0 ? (2 * z + j, w) : (w, 2 * z + j); slot = (u, k); vertical = u == 0
        }
        guard cell.row >= 0, cell.col >= 0, cell.row < cellRows, cell.col < cellCols else { return nil }
        return Place(x: cell.col * (cellWidth + 1) + slot.col, y: cell.row * (cellHeight + 1) + slot.row, vertical: vertical)
    }

    /// Pegasus coordinates (u, w, k, z) in D-Wave's "nice" form: tile 0...2, cell (y, x)
    /// from −1 to m − 1, and k 0...3 within the tile (standard offsets only).
    static func niceCoordinates(u: Int, w: Int, k: Int, z: Int) -> (tile: Int, y: Int, x: Int, k: Int) {
        let raw = 2 - u - (2 * u - 1) * (k / 4)
        let tile = ((raw % 3) + 3) % 3
        switch tile {
        case 0: return (0, u == 1 ? w - 1 : z, u == 1 ? z : w, k - 4)
        case 1: return (1, u == 1 ? w - 1 : z, u == 1 ? z : w, u == 1 ? k : k - 8)
        default: return (2, u == 1 ? w : z, u == 1 ? z : w - 1, u == 1 ? k - 8 : k)
        }
    }
}
