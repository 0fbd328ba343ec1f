import Foundation
import XCTest
@testable import Display

/// Terminal rendering of every kind of figure: golden renderings at fixed widths and colour
/// depths under `golden/terminal/`, and checks of ticks, widths, escapes and picture cells.
///
/// Run with `QREPL_UPDATE_GOLDEN=1` to rewrite the golden files from the current renderer
/// (then look at each with `cat` before committing them).
final class TerminalRenderingTests: XCTestCase {
    // MARK: Fixtures

    /// A deterministic stream of numbers in [0, 1).
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static var trigPlot: Figure {
        let xs = (0..<100).map { Double($0) * 2 * Double.pi / 99 }
        return .plot(LinePlot(
            series: [Series(name: "sin", xs: xs, ys: xs.map(sin)), Series(name: "cos", xs: xs, ys: xs.map(cos))],
            title: "Two waves", x: Axis(label: "phase"), y: Axis(label: "amplitude")))
    }

    static var scatterPlot: Figure {
        var s = Stream(state: 7)
        let a = (0..<60).map { _ in (s.next() * 4 - 2, 0.0) }.map { ($0.0, $0.0 * 0.5 + s.next() - 0.5) }
        let b = (0..<40).map { _ in (s.next() * 2, 0.0) }.map { ($0.0, 2 - $0.0 + (s.next() - 0.5) * 0.6) }
        return .plot(LinePlot(series: [
            Series(name: "chain A", xs: a.map(\.0), ys: a.map(\.1), style: .points),
            Series(name: "chain B", xs: b.map(\.0), ys: b.map(\.1), style: .points),
        ], title: "Energy against magnetisation", x: Axis(label: "m"), y: Axis(label: "E")))
    }

    static var logPlot: Figure {
        let xs = [0.0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, .nan]
        let ys = xs.map { $0 * $0 * 0.03 }
        return .plot(LinePlot(series: [Series(name: "0.03 x²", xs: xs, ys: ys)], title: "Power law",
                              x: Axis(label: "size", scale: .log), y: Axis(label: "time", scale: .log)))
    }

    static var histogram: Figure {
        var s = Stream(state: 11)
        let values = (0..<2000).map { _ in (0..<6).map { _ in s.next() }.reduce(0, +) - 3 }
        return .histogram(HistogramFigure.binning(values, bins: 24, title: "Sum of six uniforms", x: Axis(label: "value")))
    }

    static var divergingHeatmap: Figure {
        let n = 12
        let values = (0..<(n * n)).map { i -> Double in
            let (r, c) = (i / n, i % n)
            return r == c ? 1 : cos(Double(r - c) * 0.6) * exp(-Double(abs(r - c)) / 6)
        }
        return .heatmap(Heatmap(rows: n, cols: n, values: values, title: "Correlations"))
    }

    static var sequentialHeatmap: Figure {
        let (rows, cols) = (40, 90)
        let values = (0..<(rows * cols)).map { i -> Double in
            let (r, c) = (Double(i / cols), Double(i % cols))
            return exp(-((r - 20) * (r - 20) + (c - 45) * (c - 45)) / 300) * 5
        }
        return .heatmap(Heatmap(rows: rows, cols: cols, values: values, title: "Density"))
    }

    /// A 10 × 10 picture: a ring, a cross, stripes or a gradient.
    static func pattern(_ kind: Int) -> [Double] {
        (0..<100).map { i in
            let (y, x) = (Double(i / 10) - 4.5, Double(i % 10) - 4.5)
            switch kind {
            case 0: return abs((x * x + y * y).squareRoot() - 3.2) < 1.1 ? 1 : 0
            case 1: return abs(x) < 1 || abs(y) < 1 ? 1 : 0
            case 2: return Int(y + 4.5) % 3 == 0 ? 1 : 0
            default: return (x + 4.5) / 9
            }
        }
    }

    static var pictures: Figure {
        var mask = Array(repeating: false, count: 100)
        for i in [22, 23, 24, 32, 33, 34] { mask[i] = true }
        return .pictures(PictureGrid(pictures: [
            Picture(width: 10, height: 10, pixels: pattern(0), caption: "ring"),
            Picture(width: 10, height: 10, pixels: pattern(1), mask: mask, caption: "corrupted"),
            Picture(width: 10, height: 10, pixels: pattern(2), caption: "human"),
            Picture(width: 10, height: 10, pixels: pattern(3), caption: "machine"),
            Picture(width: 10, height: 10, pixels: pattern(1), caption: "a very long caption indeed"),
        ], cols: 4, title: "Samples"))
    }

    static var shortTable: Figure {
        .table(Table(columns: ["sampler", "energy", "reads", "note"], rows: [
            ["exact", "-12.5", "1", "ground state"],
            ["sa", "-12.25", "100", "a long note that goes on and on so that it has to be cut somewhere near the edge"],
            ["pt", "-11", "1000", ""],
        ], title: "Samplers"))
    }

    static var longTable: Figure {
        .table(Table(columns: ["i", "x", "label"], rows: (0..<45).map { i in
            ["\(i)", "\(Double(i) * 0.25)", i % 2 == 0 ? "even" : "odd"]
        }))
    }

    static let fixtures: [(name: String, figure: Figure)] = [
        ("plot-lines", trigPlot), ("plot-scatter", scatterPlot), ("plot-log", logPlot),
        ("histogram", histogram), ("heatmap-diverging", divergingHeatmap), ("heatmap-sequential", sequentialHeatmap),
        ("pictures", pictures), ("table-short", shortTable), ("table-long", longTable),
    ]

    static let modes: [(name: String, colour: TerminalCapabilities.ColourDepth, unicode: Bool)] = [
        ("plain", .none, true), ("ansi", .ansi256, true), ("ascii", .none, false),
    ]

    // MARK: Goldens

    static var goldenRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("golden").appendingPathComponent("terminal")
    }

    func testGoldenRenderings() throws {
        let update = ProcessInfo.processInfo.environment["QREPL_UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.goldenRoot, withIntermediateDirectories: true) }
        for (name, figure) in Self.fixtures {
            for mode in Self.modes {
                // ASCII renderings only at 60 columns.
                for width in mode.unicode ? [60, 100] : [60] {
                    let caps = TerminalCapabilities(width: width, colour: mode.colour, unicode: mode.unicode)
                    let text = TerminalRenderer.render(figure, caps) + "\n"
                    let url = Self.goldenRoot.appendingPathComponent("\(name)-\(mode.name)-\(width).txt")
                    if update {
                        try text.write(to: url, atomically: true, encoding: .utf8)
                        continue
                    }
                    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                        XCTFail("missing golden file \(url.lastPathComponent); run with QREPL_UPDATE_GOLDEN=1")
                        continue
                    }
                    if text != expected {
                        XCTFail("\(url.lastPathComponent) differs from the rendering:\n\(text)")
                    }
                }
            }
        }
    }

    // MARK: Specific checks

    /// Removes ANSI SGR escapes.
    static func stripped(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    func testTicksOfIdentityPlotAreRoundNumbers() {
        let xs = (0...100).map { Double($0) / 10 }
        let fig = Figure.plot(LinePlot(series: [Series(xs: xs, ys: xs)]))
        let lines = TerminalRenderer.render(fig, TerminalCapabilities(width: 60)).split(separator: "\n").map(String.init)
        let yLabels = lines.filter { $0.contains("┤") }.map { $0.prefix { $0 != "┤" }.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(yLabels, ["10", "8", "6", "4", "2", "0"])
        guard let axis = lines.firstIndex(where: { $0.contains("└") }), axis + 1 < lines.count else {
            return XCTFail("no x axis in\n\(lines.joined(separator: "\n"))")
        }
        let xLabels = lines[axis + 1].split(separator: " ").map(String.init)
        XCTAssertEqual(xLabels.first, "0")
        XCTAssertEqual(xLabels.last, "10")
        let values = xLabels.compactMap(Double.init)
        XCTAssertEqual(values.count, xLabels.count, "x labels are not all numbers: \(xLabels)")
        let steps = Set(zip(values, values.dropFirst()).map { $1 - $0 })
        XCTAssertEqual(steps.count, 1, "x ticks are unevenly spaced: \(xLabels)")
        XCTAssertTrue(steps.isSubset(of: [1, 2, 5]), "x tick step is not round: \(xLabels)")
    }

    func testTickLabelsHaveNoFloatingPointNoise() {
        let t = TerminalRenderer.linearTicks(0, 0.3, target: 3, loose: true)
        XCTAssertEqual(t.labels, ["0.0", "0.1", "0.2", "0.3"])
        XCTAssertEqual(TerminalRenderer.linearTicks(-1e-6, 3e-6, target: 4, loose: true).labels, ["-1e-6", "0", "1e-6", "2e-6", "3e-6"])
        XCTAssertEqual(TerminalRenderer.linearTicks(0, 2_500_000, target: 5, loose: true).labels, ["0", "5e5", "1e6", "1.5e6", "2e6", "2.5e6"])
        XCTAssertEqual(TerminalRenderer.linearTicks(0.5, 0.7, target: 4, loose: false).labels, ["0.50", "0.55", "0.60", "0.65", "0.70"])
        XCTAssertEqual(TerminalRenderer.logTicks(-2.3, 1.5, target: 10, loose: true).labels, ["0.01", "0.1", "1", "10"])
        XCTAssertEqual(TerminalRenderer.logTicks(-0.2, 2.95, target: 10, loose: true).labels, ["1", "10", "100", "1000"])
        XCTAssertEqual(TerminalRenderer.logTicks(-12, 12, target: 5, loose: true).labels, ["1e-10", "1e-5", "1", "1e5", "1e10"])
        XCTAssertEqual(TerminalRenderer.logTicks(0.2, 0.5, target: 5, loose: true).labels, ["1", "10"])
        let fig = Figure.plot(LinePlot(series: [Series(xs: [0, 0.1, 0.2, 0.3], ys: [0.3, 0.1, 0.2, 0])]))
        let text = TerminalRenderer.render(fig, TerminalCapabilities(width: 60))
        XCTAssertFalse(text.contains("0000000"), text)
        XCTAssertTrue(text.contains("0.3"), text)
    }

    /// Every kind of figure, and some awkward ones, at many widths and in every mode.
    static var allFigures: [Figure] {
        fixtures.map(\.figure) + [
            .plot(LinePlot(series: [Series(xs: [1, 2, 3], ys: [1e300, -1e300, 5])], title: String(repeating: "long title ", count: 30))),
            .plot(LinePlot(series: (0..<12).map { Series(name: "series with a long name \($0)", xs: [0, 1], ys: [0, Double($0)]) })),
            .table(Table(columns: (0..<30).map { "column \($0)" }, rows: [(0..<30).map { "\($0 * 1000)" }])),
            .pictures(PictureGrid(pictures: [Picture(width: 300, height: 4, pixels: Array(repeating: 0.5, count: 1200))], cols: 3)),
        ]
    }

    func testNothingExceedsTheWidth() {
        for figure in Self.allFigures {
            for mode in Self.modes {
                for width in [1, 3, 7] + Array(stride(from: 12, through: 132, by: 8)) {
                    let caps = TerminalCapabilities(width: width, colour: mode.colour, unicode: mode.unicode)
                    let text = Self.stripped(TerminalRenderer.render(figure, caps))
                    for line in text.split(separator: "\n") where line.count > width {
                        XCTFail("a line of \(line.count) columns at width \(width), \(mode.name):\n\(line)")
                    }
                }
            }
        }
    }

    func testPlainRenderingsHaveNoEscapes() {
        for figure in Self.allFigures {
            for unicode in [true, false] {
                let text = TerminalRenderer.render(figure, TerminalCapabilities(width: 80, colour: .none, unicode: unicode))
                XCTAssertFalse(text.utf8.contains(0x1B), "escape in plain rendering:\n\(text)")
            }
        }
        for (_, figure) in Self.fixtures {
            let text = TerminalRenderer.render(figure, TerminalCapabilities(width: 80, colour: .ansi256, unicode: true))
            XCTAssertTrue(text.utf8.contains(0x1B), "no colour in the ANSI rendering:\n\(text)")
        }
    }

    func testASCIIRenderingsAreASCII() {
        // The fixtures' own texts are ASCII except the log plot's series name.
        for (name, figure) in Self.fixtures where name != "plot-log" {
            let text = TerminalRenderer.render(figure, TerminalCapabilities(width: 70, colour: .none, unicode: false))
            XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), "\(name) is not ASCII:\n\(text)")
        }
    }

    /// A 4 × 4 picture: the rows are 1 0 1 0 / 1 1 0 0 / 0 0 0 0 / 1 1 1 1 (1 white), with
    /// the pixel at row 2, column 1 masked.
    static let known = Picture(width: 4, height: 4, pixels: [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
                               mask: [false, false, false, false, false, false, false, false, false, true, false, false, false, false, false, false])

    func testKnownPictureCellsInColour() {
        let text = TerminalRenderer.render(.pictures(PictureGrid(pictures: [Self.known], cols: 1)),
                                           TerminalCapabilities(width: 40, colour: .ansi256, unicode: true))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.map(Self.stripped), ["▀▀▀▀", "▀▀▀▀"])
        let (white, black, red) = ("255", "232", "196")
        func cell(_ fg: String, _ bg: String) -> String { "38;5;\(fg);48;5;\(bg)m▀" }
        let esc = "\u{1B}["
        XCTAssertEqual(lines.first, esc + cell(white, white) + esc + "0;" + cell(black, white) + esc + "0;" + cell(white, black)
            + esc + "0;" + cell(black, black) + esc + "0m")
        XCTAssertEqual(lines.last, esc + cell(black, white) + esc + "0;" + cell(red, white) + esc + "0;" + cell(black, white)
            + "▀" + esc + "0m") // the third and fourth cells share a style
        let truecolour = TerminalRenderer.render(.pictures(PictureGrid(pictures: [Self.known], cols: 1)),
                                                 TerminalCapabilities(width: 40, colour: .truecolor, unicode: true))
        XCTAssertTrue(truecolour.hasPrefix("\u{1B}[38;2;255;255;255;48;2;255;255;255m▀"), truecolour)
    }

    func testKnownPictureCellsWithoutColour() {
        let grid = Figure.pictures(PictureGrid(pictures: [Self.known, Self.known], cols: 2))
        let plain = TerminalRenderer.render(grid, TerminalCapabilities(width: 40, colour: .none, unicode: true))
        // Trailing blanks are dropped; the gap between the pictures is two columns.
        XCTAssertEqual(plain.split(separator: "\n", omittingEmptySubsequences: false), ["█ █   █ █", "██    ██", " x     x", "████  ████"])
        let ascii = TerminalRenderer.render(grid, TerminalCapabilities(width: 40, colour: .none, unicode: false))
        XCTAssertEqual(ascii.split(separator: "\n", omittingEmptySubsequences: false), ["# #   # #", "##    ##", " x     x", "####  ####"])
    }

    func testNaNAndInfinityDoNotCrash() {
        let nan = Double.nan, inf = Double.infinity
        let figures: [Figure] = [
            .plot(LinePlot(series: [Series(xs: [nan, nan], ys: [nan, inf])])),
            .plot(LinePlot(series: [Series(xs: [0, 1, 2, 3, 4], ys: [1, nan, 3, -inf, 5])])),
            .plot(LinePlot(series: [Series(xs: [0, 1, 2], ys: [0, -1, 0])], y: Axis(scale: .log))),
            .plot(LinePlot(series: [Series(xs: [1, 2], ys: [1, 2])], x: Axis(range: 5...5), y: Axis(scale: .log, range: -1...10))),
            .plot(LinePlot(series: [Series(xs: [1, 2], ys: [1e308, -1e308])], x: Axis(range: 1...1.000000000001))),
            .plot(LinePlot(series: [])),
            .plot(LinePlot(series: [Series(xs: [1, 2, 3], ys: [1])])),
            .histogram(HistogramFigure(edges: [0, 1, 2], counts: [nan, 3])),
            .histogram(HistogramFigure(edges: [nan], counts: [])),
            .histogram(HistogramFigure.binning([nan, inf, 1, 1, 1], bins: 5)),
            .heatmap(Heatmap(rows: 2, cols: 2, values: [nan, nan, nan, nan])),
            .heatmap(Heatmap(rows: 3, cols: 3, values: [1, nan, -inf])),
            .heatmap(Heatmap(rows: 0, cols: 5, values: [])),
            .pictures(PictureGrid(pictures: [Picture(width: 3, height: 3, pixels: [nan, inf, -inf, 0.5])], cols: 2)),
            .pictures(PictureGrid(pictures: [Picture(width: 0, height: 0, pixels: [])], cols: 1)),
            .pictures(PictureGrid(pictures: [Picture(width: 2, height: 1, pixels: [1e300, -1e300])], cols: 1)),
            .pictures(PictureGrid(pictures: [Picture(width: 1 << 19, height: 1 << 19, pixels: [1])], cols: 1)),
            .heatmap(Heatmap(rows: 1, cols: 3, values: [-1e308, 1e308, 0])),
            .heatmap(Heatmap(rows: 100_000, cols: 100_000, values: [1, 2, 3])),
            .histogram(HistogramFigure(edges: [0, 1e-300, 1e308], counts: [1e308, .leastNonzeroMagnitude])),
            .pictures(PictureGrid(pictures: [], cols: 1)),
            .table(Table(columns: [], rows: [])),
            .table(Table(columns: ["a"], rows: [["nan", "extra"], []])),
        ]
        for figure in figures {
            for mode in Self.modes {
                let text = TerminalRenderer.render(figure, TerminalCapabilities(width: 50, colour: mode.colour, unicode: mode.unicode))
                XCTAssertFalse(text.isEmpty)
            }
        }
    }

    func testLogAxisDropsNonPositiveValuesWithANote() {
        let text = TerminalRenderer.render(Self.logPlot, TerminalCapabilities(width: 80))
        XCTAssertTrue(text.contains("note: 1 point with NaN or infinite values left out"), text)
        XCTAssertTrue(text.contains("note: 1 point with x ≤ 0 dropped: the x axis is logarithmic"), text)
        for decade in ["0.01", "100", "10000", "1000"] {
            XCTAssertTrue(text.contains(decade), "no decade \(decade) in\n\(text)")
        }
    }

    func testLongTablesShowHeadAndTail() {
        let text = TerminalRenderer.render(Self.longTable, TerminalCapabilities(width: 60))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2 + 20 + 1 + 5)
        XCTAssertEqual(lines[22].trimmingCharacters(in: .whitespaces), "… 20 more rows …")
        XCTAssertTrue(lines[2].hasPrefix(" 0    0.0  even"), lines[2])
        XCTAssertTrue(lines.last?.hasPrefix("44   11.0  even") ?? false, lines.last ?? "")
    }

    func testTablesCutLongCellsToTheWidth() {
        let text = TerminalRenderer.render(Self.shortTable, TerminalCapabilities(width: 50))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasSuffix("…") && $0.count == 50 }, text)
        // Numbers are right-aligned under their header.
        XCTAssertTrue(lines.contains { $0.hasPrefix("sampler  energy  reads") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("pt          -11   1000") }, text)
    }

    func testDivergingHeatmapBarIsLabelledAtZero() {
        let text = TerminalRenderer.render(Self.divergingHeatmap, TerminalCapabilities(width: 60, colour: .ansi256))
        let labels = Self.stripped(text).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(labels.split(separator: " "), ["-1", "0", "1"], labels)
    }
}
