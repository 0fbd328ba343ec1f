import Display
import Foundation
import XCTest
import IsingCore
@testable import QML

/// Drawings made from graphs and embeddings: hardware layouts, dead qubits, chains, the
/// circle layout, and `draw` on an embedding value.
final class GraphDrawingsTests: XCTestCase {
    func testHardwareGraphsAreDrawnCellByCell() throws {
        let g = try HardwareGraphs.chimera(2)
        let d = try GraphDrawings.drawing(of: g)
        XCTAssertEqual(d.layout, .lattice(cellRows: 2, cellCols: 2, cellWidth: 4, cellHeight: 2))
        XCTAssertEqual(d.nodes.count, 32)
        XCTAssertEqual(d.edges.count, 80)
        // Qubit 13 = (0, 1, 1, 1): cell column 1, horizontal row, k = 1.
        XCTAssertEqual(d.nodes[13], GraphDrawing.Node(label: "13", x: 6, y: 1, shape: .horizontal, state: .normal))
        XCTAssertEqual(d.caption, "chimera(2): 32 qubits, 80 couplers")
        for family in [try HardwareGraphs.pegasus(4), try HardwareGraphs.zephyr(3, t: 2)] {
            let drawing = try GraphDrawings.drawing(of: family)
            let places = Set(drawing.nodes.map { "\($0.x),\($0.y)" })
            XCTAssertEqual(places.count, family.nodeCount, "\(family.name): two qubits share a place")
            let size = drawing.gridSize
            XCTAssertTrue(drawing.nodes.allSatisfy { $0.x >= 0 && $0.y >= 0 && Int($0.x) < size.columns && Int($0.y) < size.rows })
        }
    }

    func testDeadQubitsAreDrawnWhereTheyWere() throws {
        let g = try HardwareGraphs.deadQubits(try HardwareGraphs.chimera(2), count: 3, seed: 9)
        let d = try GraphDrawings.drawing(of: g)
        XCTAssertEqual(d.nodes.count, 32)
        let dead = d.nodes.filter { $0.state == .dead }
        XCTAssertEqual(dead.map(\.label), g.removedNodes.map(\.description))
        for node in dead {
            guard let label = Int(node.label), let c = g.topology?.coordinates(of: label) else { return XCTFail() }
            XCTAssertEqual(node.x, Double(c[1] * 5 + c[3]))
            XCTAssertEqual(node.y, Double(c[0] * 3 + c[2]))
        }
    }

    /// K3 in chimera(1): chains {0, 4}, {1, 5}, {2}.
    func triangle() throws -> Embedding {
        Embedding(source: try GraphGenerators.complete(3), target: try HardwareGraphs.chimera(1), chains: [[0, 4], [1, 5], [2]])
    }

    func testEmbeddingsColourChainsAndDimTheRest() throws {
        let emb = try triangle()
        let d = try GraphDrawings.drawing(of: emb.target, chains: emb.chains, source: emb.source)
        XCTAssertEqual(d.chainNames, ["0", "1", "2"])
        XCTAssertEqual(d.nodes.map(\.state), [.chain(0), .chain(1), .chain(2), .unused, .chain(0), .chain(1), .unused, .unused])
        let kinds = d.edges.map(\.kind)
        XCTAssertEqual(kinds.filter { $0 == .chain(0) }.count, 1)
        XCTAssertEqual(kinds.filter { $0 == .chain(1) }.count, 1)
        // Couplers between chains: 0–5, 1–4 (chains 0, 1), 2–4 (2, 0), 2–5 (2, 1).
        XCTAssertEqual(kinds.filter { $0 == .link }.count, 4)
        XCTAssertEqual(d.caption, "complete(3) -> chimera(1): 5 of 8 qubits in 3 chains, longest 2")
        let text = TerminalRenderer.render(.graph(d), TerminalCapabilities(width: 40))
        XCTAssertEqual(text.split(separator: "\n").first, "abc│")
        XCTAssertThrowsError(try GraphDrawings.drawing(of: emb.target, chains: [[8]], source: emb.source))
    }

    func testDrawBuiltinTakesAnEmbeddingValue() throws {
        var options = Interpreter.Options()
        options.output = { _ in }
        options.loadPrelude = false
        let interpreter = Interpreter(options: options)
        let draw = try XCTUnwrap(BuiltinRegistry.standard().builtins.first { $0.name == "draw" })
        var args = Arguments(values: [.object(EmbeddingValue(try triangle())), .str("K3")], builtin: draw, interpreter: interpreter)
        guard case .object(let figure as FigureValue) = try draw.body(&args), case .graph(let d) = figure.figure else {
            return XCTFail("draw did not make a graph drawing")
        }
        XCTAssertEqual(d.title, "K3")
        XCTAssertEqual(figure.summary, "Figure(drawing of 8 nodes: K3)")
    }

    func testSmallGraphsGoOnACircleAndGridsOnTheirGrid() throws {
        let ring = try GraphDrawings.drawing(of: try GraphGenerators.cycle(4))
        XCTAssertEqual(ring.layout, .free)
        XCTAssertEqual(ring.nodes[0].x, 0.5, accuracy: 1e-12)
        XCTAssertEqual(ring.nodes[0].y, 0, accuracy: 1e-12)
        XCTAssertEqual(ring.nodes[1].x, 1, accuracy: 1e-12)
        let grid = try GraphDrawings.drawing(of: try GraphGenerators.grid(2, 3, periodic: false))
        XCTAssertEqual(grid.nodes.map(\.x), [0, 0.5, 1, 0, 0.5, 1])
        XCTAssertEqual(grid.nodes.map(\.y), [0, 0, 0, 0.5, 0.5, 0.5])
        XCTAssertThrowsError(try GraphDrawings.drawing(of: try GraphGenerators.cycle(5000)))
    }
}
