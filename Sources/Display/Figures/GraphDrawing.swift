/// A drawing of a graph or of an embedding into one: where each node goes, how it is
/// marked, and which edges join them. The language layer fills it in from hardware
/// coordinates (a lattice of unit cells) or from a circle layout; the renderers only place
/// what they are given.
public struct GraphDrawing: Sendable, Equatable {
    /// How a node is drawn: as a vertical or horizontal qubit of a unit cell, or a dot.
    public enum Shape: Sendable, Equatable {
        case vertical, horizontal, point
    }

    /// What a node is in the drawing.
    public enum State: Sendable, Equatable {
        /// A working node (of a plain graph drawing).
        case normal
        /// A working qubit that carries no chain (drawn dim).
        case unused
        /// A qubit that is missing from the graph (drawn as a cross).
        case dead
        /// A qubit of chain number k (drawn in that chain's colour).
        case chain(Int)
    }

    /// What an edge is in the drawing.
    public enum EdgeKind: Sendable, Equatable {
        /// A coupler not used by any chain (or an edge of a plain graph).
        case plain
        /// A coupler inside chain number k.
        case chain(Int)
        /// A coupler between two chains.
        case link
    }

    public struct Node: Sendable, Equatable {
        public var label: String
        /// Lattice layouts: the column and row in the grid of qubit positions. Free layouts:
        /// the position in the unit square (y down).
        public var x: Double
        public var y: Double
        public var shape: Shape
        public var state: State

        public init(label: String, x: Double, y: Double, shape: Shape = .point, state: State = .normal) {
            self.label = label; self.x = x; self.y = y; self.shape = shape; self.state = state
        }
    }

    public struct Edge: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var kind: EdgeKind

        public init(_ a: Int, _ b: Int, kind: EdgeKind = .plain) {
            self.a = a; self.b = b; self.kind = kind
        }
    }

    /// Where nodes are placed.
    public enum Layout: Sendable, Equatable {
        /// Unit cells on a grid: `cellRows` × `cellCols` cells of `cellWidth` × `cellHeight`
        /// qubit positions each, with one empty column and row between cells. A node at
        /// (x, y) belongs to cell (y / (cellHeight + 1), x / (cellWidth + 1)).
        case lattice(cellRows: Int, cellCols: Int, cellWidth: Int, cellHeight: Int)
        /// Nodes anywhere in the unit square, joined by straight lines.
        case free
    }

    public var layout: Layout
    public var nodes: [Node]
    public var edges: [Edge]
    /// The name of each chain (its source node), by chain number.
    public var chainNames: [String]
    public var title: String?
    /// A one-line description under the drawing (sizes, counts).
    public var caption: String?

    public init(layout: Layout, nodes: [Node], edges: [Edge], chainNames: [String] = [], title: String? = nil,
                caption: String? = nil) {
        self.layout = layout; self.nodes = nodes; self.edges = edges; self.chainNames = chainNames
        self.title = title; self.caption = caption
    }

    /// The number of qubit positions across and down the lattice grid (0 for free layouts).
    public var gridSize: (columns: Int, rows: Int) {
        guard case let .lattice(rows, cols, w, h) = layout, rows > 0, cols > 0 else { return (0, 0) }
        return (cols * (w + 1) - 1, rows * (h + 1) - 1)
    }

    /// How many nodes are in each state: working (normal or unused), dead, and in chains.
    public var stateCounts: (working: Int, dead: Int, chained: Int) {
        var working = 0, dead = 0, chained = 0
        for node in nodes {
            switch node.state {
            case .normal, .unused: working += 1
            case .dead: dead += 1
            case .chain: chained += 1
            }
        }
        return (working, dead, chained)
    }
}
