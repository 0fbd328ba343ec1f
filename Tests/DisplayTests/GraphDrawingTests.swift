import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Display

/// Graph and embedding drawings: golden terminal renderings under `golden/terminal/graph-*`
/// (QREPL_UPDATE_GOLDEN=1 rewrites them), widths, colourless and ASCII output, the summary
/// of lattices too wide for the terminal, and SVG/PNG files.
final class GraphDrawingTests: XCTestCase {
    // MARK: Fixtures

    /// A chimera(m, m, t) lattice drawn as the language layer draws it: cell (i, j) at
    /// columns j (t + 1)..., rows 3i (vertical qubits) and 3i + 1 (horizontal ones).
    /// `dead` qubits are marked, and with `chains` (lists of qubit labels) the other qubits
    /// are unused.
    static func chimera(_ m: Int, t: Int = 4, dead: Set<Int> = [], chains: [[Int]]? = nil, names: [String] = []) -> GraphDrawing {
        func label(_ i: Int, _ j: Int, _ u: Int, _ k: Int) -> Int { ((i * m + j) * 2 + u) * t + k }
        var chainOf: [Int: Int] = [:]
        for (c, chain) in (chains ?? []).enumerated() { for q in chain { chainOf[q] = c } }
        var nodes: [GraphDrawing.Node] = []
        var index: [Int: Int] = [:]
        for i in 0..<m {
            for j in 0..<m {
                for u in 0..<2 {
                    for k in 0..<t {
                        let q = label(i, j, u, k)
                        let state: GraphDrawing.State = dead.contains(q) ? .dead
                            : chainOf[q].map { .chain($0) } ?? (chains == nil ? .normal : .unused)
                        index[q] = nodes.count
                        nodes.append(GraphDrawing.Node(label: "\(q)", x: Double(j * (t + 1) + k), y: Double(i * 3 + u),
                                                       shape: u == 0 ? .vertical : .horizontal, state: state))
                    }
                }
            }
        }
        var edges: [GraphDrawing.Edge] = []
        func couple(_ a: Int, _ b: Int) {
            guard !dead.contains(a), !dead.contains(b), let x = index[a], let y = index[b] else { return }
            let kind: GraphDrawing.EdgeKind
            if let ca = chainOf[a], let cb = chainOf[b] { kind = ca == cb ? .chain(ca) : .link } else { kind = .plain }
            edges.append(GraphDrawing.Edge(x, y, kind: kind))
        }
        for i in 0..<m {
            for j in 0..<m {
                for a in 0..<t { for b in 0..<t { couple(label(i, j, 0, a), label(i, j, 1, b)) } }
                for k in 0..<t {
                    if i + 1 < m { couple(label(i, j, 0, k), label(i + 1, j, 0, k)) }
                    if j + 1 < m { couple(label(i, j, 1, k), label(i, j + 1, 1, k)) }
                }
            }
        }
        let caption = chains == nil ? "chimera(\(m)): \(nodes.count - dead.count) qubits, \(edges.count) couplers"
            : "K\(chains?.count ?? 0) -> chimera(\(m))"
        return GraphDrawing(layout: .lattice(cellRows: m, cellCols: m, cellWidth: t, cellHeight: 2), nodes: nodes, edges: edges,
                            chainNames: chains == nil ? [] : names, caption: caption)
    }

    /// K4 embedded in chimera(2) with chains of two and three qubits and two dead qubits.
    static var embedding: GraphDrawing {
        chimera(2, dead: [3, 29], chains: [[0, 4], [1, 5], [2, 6, 14], [8, 12, 24]], names: ["a0", "a1", "a2", "a3"])
    }

    /// A five-node ring on a circle, one chord, nodes 0 and 1 in chains.
    static var ring: GraphDrawing {
        let nodes = (0..<5).map { i -> GraphDrawing.Node in
            let angle = 2 * Double.pi * Double(i) / 5 - Double.pi / 2
            return GraphDrawing.Node(label: "n\(i)", x: 0.5 + 0.5 * cos(angle), y: 0.5 + 0.5 * sin(angle),
                                     state: i == 0 ? .chain(0) : i == 1 ? .chain(1) : .unused)
        }
        let edges = (0..<5).map { GraphDrawing.Edge($0, ($0 + 1) % 5, kind: $0 == 0 ? .link : .plain) } + [GraphDrawing.Edge(0, 2)]
        return GraphDrawing(layout: .free, nodes: nodes, edges: edges, chainNames: ["x", "y"], caption: "ring")
    }

    /// A 16 × 16 lattice with a few dead qubits and one long chain: too wide for 60 columns.
    static var large: GraphDrawing {
        chimera(16, dead: [0, 1, 2, 3, 4, 5, 6, 7, 300], chains: [[8, 12, 16, 20, 1000]], names: ["v"])
    }

    static let fixtures: [(name: String, figure: Figure)] = [
        ("graph-chimera", .graph(chimera(2))), ("graph-embedding", .graph(embedding)),
        ("graph-ring", .graph(ring)), ("graph-large", .graph(large)),
    ]

    static let modes = TerminalRenderingTests.modes

    // MARK: Goldens

    func testGoldenRenderings() throws {
        let update = ProcessInfo.processInfo.environment["QREPL_UPDATE_GOLDEN"] == "1"
        for (name, figure) in Self.fixtures {
            for mode in Self.modes {
                for width in mode.unicode ? [60, 100] : [60] {
                    let caps = TerminalCapabilities(width: width, colour: mode.colour, unicode: mode.unicode)
                    let text = TerminalRenderer.render(figure, caps) + "\n"
                    let url = TerminalRenderingTests.goldenRoot.appendingPathComponent("\(name)-\(mode.name)-\(width).txt")
                    if update {
                        try text.write(to: url, atomically: true, encoding: .utf8)
                        continue
                    }
                    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                        XCTFail("missing golden file \(url.lastPathComponent); run with QREPL_UPDATE_GOLDEN=1")
                        continue
                    }
                    if text != expected { XCTFail("\(url.lastPathComponent) differs from the rendering:\n\(text)") }
                }
            }
        }
    }

    // MARK: Specific checks

    func testChimeraCellsShowVerticalAndHorizontalQubits() {
        let text = TerminalRenderer.render(.graph(Self.chimera(2)), TerminalCapabilities(width: 80))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(5)), ["││││ ││││", "──── ────", "", "││││ ││││", "──── ────"])
        XCTAssertEqual(lines.last, "chimera(2): 32 qubits, 80 couplers")
    }

    func testEmbeddingWithoutColourUsesChainLetters() {
        let text = TerminalRenderer.render(.graph(Self.embedding), TerminalCapabilities(width: 80))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Qubits 0-3 vertical (3 dead), 4-7 horizontal; chains a = {0, 4}, b = {1, 5},
        // c = {2, 6, 14}, d = {8, 12, 24}; qubit 29 of cell (1, 1) is dead.
        XCTAssertEqual(lines[0], "abc× d│││")
        XCTAssertEqual(lines[1], "abc─ d─c─")
        XCTAssertEqual(lines[3], "││││ d│││")
        XCTAssertEqual(lines[4], "──── ─×──")
        XCTAssertTrue(lines.contains { $0.hasPrefix("chains: a a0 (2)  b a1 (2)  c a2 (3)  d a3 (3)") }, text)
    }

    func testEmbeddingInColourUsesHeavyGlyphsInChainColours() {
        let text = TerminalRenderer.render(.graph(Self.embedding), TerminalCapabilities(width: 80, colour: .truecolor))
        XCTAssertTrue(text.contains("┃"))
        XCTAssertTrue(text.contains("━"))
        // Chain 0 in the first series colour, bold.
        XCTAssertTrue(text.contains("\u{1B}[1;38;2;31;119;180m┃"), text)
        XCTAssertFalse(text.contains("abc"))
    }

    func testWideLatticesAreSummarisedPerCell() {
        let d = Self.large
        XCTAssertEqual(d.gridSize.columns, 79)
        let wide = TerminalRenderer.render(.graph(d), TerminalCapabilities(width: 100))
        XCTAssertEqual(wide.split(separator: "\n").first.map(String.init), "××××" + " a│││" * 2 + " ││││" * 13)
        let narrow = TerminalRenderer.render(.graph(d), TerminalCapabilities(width: 60))
        let lines = narrow.split(separator: "\n").map(String.init)
        // 16 cells of two characters; every qubit of cell (0, 0) is dead, cells (0, 1) and
        // (0, 2) hold chain v, the rest are unused.
        XCTAssertEqual(lines[0], "××aaaa" + "··" * 13)
        XCTAssertEqual(lines[7], "··" * 13 + "aa" + "··" * 2)
        XCTAssertEqual(lines[1], "··" * 16)
        XCTAssertTrue(narrow.contains("note: two characters per unit cell;"), narrow)
        let tiny = TerminalRenderer.render(.graph(d), TerminalCapabilities(width: 20, unicode: false))
        XCTAssertTrue(tiny.contains("note: one character"), tiny)
    }

    func testLinesFitTheWidthAndPlainHasNoEscapes() {
        for (name, figure) in Self.fixtures {
            for mode in Self.modes {
                for width in [1, 5, 20, 40, 60, 79, 80, 120, 200] {
                    let caps = TerminalCapabilities(width: width, colour: mode.colour, unicode: mode.unicode)
                    let text = TerminalRenderer.render(figure, caps)
                    let visible = TerminalRenderingTests.stripped(text)
                    for line in visible.split(separator: "\n") where line.count > width {
                        XCTFail("\(name) at \(width), \(mode.name): a line of \(line.count) columns:\n\(line)")
                    }
                    if mode.colour == .none { XCTAssertFalse(text.utf8.contains(0x1B), "\(name): escape without colour") }
                    if !mode.unicode { XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), "\(name) is not ASCII:\n\(text)") }
                }
            }
        }
    }

    // MARK: Files

    /// Elements of an SVG document by their class attribute.
    final class ClassCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var groups: [String] = []
        var inQubits = 0
        var qubitElements = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if let c = attributes["class"] { counts[c, default: 0] += 1 }
            if inQubits > 0 { qubitElements += 1 }
            if name == "g" {
                groups.append(attributes["class"] ?? "")
                if attributes["class"] == "qubits" { inQubits += 1 }
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "g", let last = groups.popLast(), last == "qubits" { inQubits -= 1 }
        }
    }

    func parseSVG(_ figure: Figure) throws -> ClassCounter {
        let svg = SVGWriter.svg(figure)
        let counter = ClassCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "the SVG does not parse: \(String(describing: parser.parserError))")
        return counter
    }

    func testSVGHasOneElementPerQubit() throws {
        let plain = try parseSVG(.graph(Self.chimera(2)))
        XCTAssertEqual(plain.qubitElements, 32)
        XCTAssertEqual(plain.counts["qubit"], 32)
        let emb = try parseSVG(.graph(Self.embedding))
        XCTAssertEqual(emb.qubitElements, 32)
        XCTAssertEqual(emb.counts["dead"], 2)
        XCTAssertEqual(emb.counts["chain"], 10)
        XCTAssertEqual(emb.counts["unused"], 20)
        XCTAssertEqual(emb.counts["legend"], 1)
        let ring = try parseSVG(.graph(Self.ring))
        XCTAssertEqual(ring.qubitElements, 5)
        XCTAssertEqual(ring.counts["labels"], 1)
        let large = try parseSVG(.graph(Self.large))
        XCTAssertEqual(large.qubitElements, 2048)
    }

    func testPNGHasTheSceneSize() throws {
        let png = PNGWriter.png(.graph(Self.chimera(2)))
        XCTAssertEqual(Array(png.prefix(8)), [137, 80, 78, 71, 13, 10, 26, 10])
        func be32(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let scene = FileDrawing.graphScene(Self.chimera(2))
        XCTAssertEqual(be32(16), Int(scene.width) * 2)
        XCTAssertEqual(be32(20), Int(scene.height) * 2)
    }

    func testFilesOfTheSameDrawingAreIdentical() {
        XCTAssertEqual(SVGWriter.svg(.graph(Self.embedding)), SVGWriter.svg(.graph(Self.embedding)))
        XCTAssertEqual(PNGWriter.png(.graph(Self.ring)), PNGWriter.png(.graph(Self.ring)))
    }
}

private func * (s: String, n: Int) -> String { String(repeating: s, count: n) }
