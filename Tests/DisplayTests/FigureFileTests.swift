import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import Display

/// Tests of the SVG and PNG figure writers through their public API. SVG is parsed with
/// XMLParser; PNG is decoded by the small, independent decoder below (chunk CRCs, zlib
/// inflate with stored, fixed and dynamic blocks, Adler-32, scanline filters).
final class FigureFileTests: XCTestCase {

    // MARK: - SVG: plots

    private let plotFigure: Figure = {
        let xs = (0...100).map(Double.init)
        return .plot(LinePlot(series: [
            Series(name: "rising", xs: xs, ys: xs.map { $0 / 100 }),
            Series(name: "falling", xs: xs, ys: xs.map { 1 - $0 / 100 }),
            Series(name: "samples", xs: [10, 50, 90], ys: [0.2, 0.5, 0.8], style: .points),
        ], title: "Magnetisation", x: Axis(label: "sweep"), y: Axis(label: "m")))
    }()

    func testPlotSVGIsSelfContainedSVG11() throws {
        let svg = SVGWriter.svg(plotFigure)
        let root = try SVGNode.parse(svg)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(root.attributes["version"], "1.1")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 640 400")
        XCTAssertEqual(root.attributes["font-family"], "sans-serif")
        // No external references: any href is a data URI, and no url(...) pointing elsewhere.
        for node in root.descendants {
            for (key, value) in node.attributes where key.hasSuffix("href") {
                XCTAssertTrue(value.hasPrefix("data:"), "external reference \(value)")
            }
        }
        XCTAssertFalse(svg.contains("http://") && svg.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
    }

    func testPlotSVGHasRoundTicksSeriesTitleAndLegend() throws {
        let root = try SVGNode.parse(SVGWriter.svg(plotFigure))
        let xLabels = root.first(class: "x-ticks")?.all("text").map(\.text)
        let yLabels = root.first(class: "y-ticks")?.all("text").map(\.text)
        XCTAssertEqual(xLabels, ["0", "20", "40", "60", "80", "100"])
        XCTAssertEqual(yLabels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])

        let paths = root.all("path").filter { $0.attributes["class"] == "series" }
        XCTAssertEqual(paths.count, 2, "one path per line series")
        XCTAssertNotEqual(paths[0].attributes["stroke"], paths[1].attributes["stroke"], "series colours differ")
        for path in paths {
            let d = path.attributes["d"] ?? ""
            XCTAssertTrue(d.hasPrefix("M"))
            XCTAssertEqual(d.filter { $0 == "L" }.count, 100, "101 points joined by 100 segments")
        }
        let scatter = root.all("g").filter { $0.attributes["class"] == "series" }
        XCTAssertEqual(scatter.count, 1)
        XCTAssertEqual(scatter.first?.all("circle").count, 3)

        XCTAssertEqual(root.first(class: "title")?.text, "Magnetisation")
        XCTAssertEqual(root.children.first { $0.name == "title" }?.text, "Magnetisation")
        XCTAssertEqual(root.first(class: "x-label")?.text, "sweep")
        XCTAssertEqual(root.first(class: "y-label")?.text, "m")
        XCTAssertEqual(root.first(class: "legend")?.all("text").map(\.text), ["rising", "falling", "samples"])
    }

    func testUnnamedSingleSeriesHasNoLegend() throws {
        let figure = Figure.plot(LinePlot(series: [Series(xs: [1, 2, 3], ys: [3, 1, 2])]))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        XCTAssertNil(root.first(class: "legend"))
        XCTAssertNil(root.first(class: "title"))
        XCTAssertEqual(root.all("path").filter { $0.attributes["class"] == "series" }.count, 1)
    }

    func testLogAxesAreTickedByDecades() throws {
        let xs = (0...30).map { pow(10, Double($0) / 10) }          // 1 ... 1000
        let figure = Figure.plot(LinePlot(series: [Series(xs: xs, ys: xs.map { 0.01 * $0 })],
                                          x: Axis(scale: .log), y: Axis(scale: .log)))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        XCTAssertEqual(root.first(class: "x-ticks")?.all("text").map(\.text), ["1", "10", "100", "1000"])
        XCTAssertEqual(root.first(class: "y-ticks")?.all("text").map(\.text), ["0.01", "0.1", "1", "10"])
        // Minor ticks (2...9 × 10^k) are marks without labels.
        let xMarks = root.first(class: "x-ticks")?.all("line").count ?? 0
        XCTAssertEqual(xMarks, 4 + 3 * 8)
    }

    func testNonFiniteAndNonPositiveLogPointsBreakTheLine() throws {
        let figure = Figure.plot(LinePlot(series: [Series(xs: [1, 2, 3, 4, 5, 6], ys: [1, 2, .nan, 4, -1, 6])],
                                          y: Axis(scale: .log)))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        let d = root.all("path").first { $0.attributes["class"] == "series" }?.attributes["d"] ?? ""
        XCTAssertEqual(d.filter { $0 == "M" }.count, 1, "only 1–2 is a run of two showable points")
        XCTAssertEqual(d.filter { $0 == "L" }.count, 1)
    }

    func testFixedRangeClipsLinesToThePlotArea() throws {
        let figure = Figure.plot(LinePlot(series: [Series(xs: [0, 10], ys: [0, 10])],
                                          x: Axis(range: 2...8), y: Axis(range: 2...8)))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        XCTAssertEqual(root.first(class: "x-ticks")?.all("text").map(\.text), ["2", "3", "4", "5", "6", "7", "8"])
        guard let frame = root.all("rect").first(where: { $0.attributes["class"] == "frame" }),
              let d = root.all("path").first(where: { $0.attributes["class"] == "series" })?.attributes["d"] else {
            return XCTFail("missing frame or series")
        }
        let x0 = frame.number("x"), y0 = frame.number("y")
        let x1 = x0 + frame.number("width"), y1 = y0 + frame.number("height")
        let coordinates = d.split { $0 == " " || $0 == "M" || $0 == "L" }.compactMap { Double($0) }
        XCTAssertEqual(coordinates.count, 4)
        XCTAssertEqual(coordinates[0], x0, accuracy: 0.01); XCTAssertEqual(coordinates[1], y1, accuracy: 0.01)
        XCTAssertEqual(coordinates[2], x1, accuracy: 0.01); XCTAssertEqual(coordinates[3], y0, accuracy: 0.01)
    }

    // MARK: - SVG: histograms, heat maps, pictures, tables

    func testHistogramSVGHasOneBarPerBin() throws {
        let figure = Figure.histogram(HistogramFigure(edges: [0, 1, 2, 3, 4, 5], counts: [3, 7, 12, 5, 1],
                                                      title: "Energies", x: Axis(label: "E")))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        XCTAssertEqual(root.first(class: "bars")?.all("rect").count, 5)
        XCTAssertEqual(root.first(class: "y-ticks")?.all("text").map(\.text), ["0", "2", "4", "6", "8", "10", "12"])
        XCTAssertEqual(root.first(class: "x-ticks")?.all("text").map(\.text), ["0", "1", "2", "3", "4", "5"])
        XCTAssertEqual(root.first(class: "title")?.text, "Energies")
        // Bar heights are proportional to the counts.
        let heights = root.first(class: "bars")?.all("rect").map { $0.number("height") } ?? []
        XCTAssertEqual(heights.count, 5)
        if heights.count == 5 { XCTAssertEqual(heights[2] / heights[0], 4, accuracy: 0.02) }
    }

    func testDivergingHeatmapSVG() throws {
        let values: [Double] = [-2, -1, 0, 1, 2, 0.5, -0.5, 1.5, -1.5, 0.25, 2, -2]
        let figure = Figure.heatmap(Heatmap(rows: 3, cols: 4, values: values, title: "Couplings"))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        guard let cells = root.first(class: "cells")?.all("rect") else { return XCTFail("no cells") }
        XCTAssertEqual(cells.count, 12)
        let fills = cells.compactMap { $0.attributes["fill"] }.compactMap(rgb)
        XCTAssertEqual(fills.count, 12)
        XCTAssertEqual(fills[2].r, 255); XCTAssertEqual(fills[2].g, 255); XCTAssertEqual(fills[2].b, 255)
        XCTAssertGreaterThan(fills[4].r, fills[4].b, "positive is red")
        XCTAssertGreaterThan(fills[0].b, fills[0].r, "negative is blue")
        XCTAssertEqual(fills[4], fills[10]); XCTAssertEqual(fills[0], fills[11])
        // Cells are square and laid out row by row.
        XCTAssertEqual(cells[0].number("width"), cells[0].number("height"), accuracy: 1e-9)
        XCTAssertEqual(cells[1].number("x") - cells[0].number("x"), cells[0].number("width"), accuracy: 0.02)
        XCTAssertEqual(cells[4].number("y") - cells[0].number("y"), cells[0].number("height"), accuracy: 0.02)
        // A colour bar with round, symmetric labels.
        XCTAssertGreaterThan(root.first(class: "colourbar")?.all("rect").count ?? 0, 10)
        let barLabels = root.first(class: "colourbar-ticks")?.all("text").map(\.text) ?? []
        XCTAssertEqual(barLabels, ["-2", "-1", "0", "1", "2"])
        XCTAssertEqual(root.first(class: "title")?.text, "Couplings")
    }

    func testSequentialHeatmapSVG() throws {
        let figure = Figure.heatmap(Heatmap(rows: 2, cols: 3, values: [0, 1, 2, 3, 4, 5]))
        let root = try SVGNode.parse(SVGWriter.svg(figure))
        let fills = root.first(class: "cells")?.all("rect").compactMap { $0.attributes["fill"] } ?? []
        XCTAssertEqual(fills.count, 6)
        XCTAssertEqual(fills.first, "#440154", "lowest value at the dark end")
        XCTAssertEqual(fills.last, "#fde725", "highest value at the bright end")
        XCTAssertEqual(Set(fills).count, 6)
    }

    func testLargeHeatmapIsEmbeddedAsOnePNG() throws {
        let rows = 150, cols = 120
        let values = (0..<(rows * cols)).map { Double($0 % cols) }
        let root = try SVGNode.parse(SVGWriter.svg(.heatmap(Heatmap(rows: rows, cols: cols, values: values))))
        XCTAssertNil(root.first(class: "cells")?.all("rect").first)
        guard let image = root.all("image").first, let href = image.attributes["xlink:href"] else {
            return XCTFail("no embedded image")
        }
        let prefix = "data:image/png;base64,"
        XCTAssertTrue(href.hasPrefix(prefix))
        guard let data = Data(base64Encoded: String(href.dropFirst(prefix.count))) else { return XCTFail("bad base64") }
        // Stored enlarged by a whole factor k (so that smoothing viewers keep edges sharp).
        let png = try DecodedPNG(Array(data))
        let k = png.width / cols
        XCTAssertGreaterThanOrEqual(k, 1)
        XCTAssertEqual(png.width, cols * k)
        XCTAssertEqual(png.height, rows * k)
        XCTAssertEqual(png.pixel(0, 0), RGBTriple(68, 1, 84))
        XCTAssertEqual(png.pixel(k - 1, k - 1), RGBTriple(68, 1, 84))
        XCTAssertEqual(png.pixel(cols * k - 1, rows * k - 1), RGBTriple(253, 231, 37))
        XCTAssertEqual(png.pixel(cols * k - k, rows * k - k), RGBTriple(253, 231, 37))
        XCTAssertNotEqual(png.pixel(cols * k - k - 1, rows * k - 1), RGBTriple(253, 231, 37))
    }

    func testLargePictureGridEmbedsOneImagePerPicture() throws {
        let pictures = (0..<30).map { k in
            Picture(width: 28, height: 28, pixels: (0..<784).map { Double(($0 + k) % 2) }, caption: "p\(k)")
        }
        let root = try SVGNode.parse(SVGWriter.svg(.pictures(PictureGrid(pictures: pictures, cols: 6))))
        let groups = root.all("g").filter { $0.attributes["class"] == "picture" }
        XCTAssertEqual(groups.count, 30)
        XCTAssertEqual(groups.map { $0.all("image").count }, [Int](repeating: 1, count: 30))
        XCTAssertTrue(groups.allSatisfy { $0.all("rect").allSatisfy { $0.attributes["class"] == "frame" } })
        guard let href = groups[1].all("image").first?.attributes["xlink:href"],
              let data = Data(base64Encoded: String(href.dropFirst("data:image/png;base64,".count))) else {
            return XCTFail("no image data")
        }
        let png = try DecodedPNG(Array(data))
        let k = png.width / 28
        XCTAssertEqual(png.height, 28 * k)
        // Picture 1's first pixel is (0 + 1) % 2 = 1: white; the next one black.
        XCTAssertEqual(png.pixel(0, 0), RGBTriple(255, 255, 255))
        XCTAssertEqual(png.pixel(k, 0), RGBTriple(0, 0, 0))
    }

    /// Two 3 × 2 pictures; the first has a masked pixel.
    private let pictureGrid = PictureGrid(pictures: [
        Picture(width: 3, height: 2, pixels: [0, 1, 0, 1, 0, 1], mask: [false, false, false, false, false, true], caption: "human"),
        Picture(width: 3, height: 2, pixels: [1, 1, 1, 0, 0, 0], caption: "machine"),
    ], cols: 2, title: "Reconstructions")

    /// The expected colour of pixel (x, y) of picture k of `pictureGrid`.
    private func expectedPictureColour(_ k: Int, _ x: Int, _ y: Int) -> RGBTriple {
        let picture = pictureGrid.pictures[k]
        let i = y * picture.width + x
        if picture.mask?[i] == true { return RGBTriple(228, 26, 28) }
        return picture.pixels[i] == 0 ? RGBTriple(0, 0, 0) : RGBTriple(255, 255, 255)
    }

    func testPictureGridSVGPixelsMatchThePictures() throws {
        let root = try SVGNode.parse(SVGWriter.svg(.pictures(pictureGrid)))
        let groups = root.all("g").filter { $0.attributes["class"] == "picture" }
        XCTAssertEqual(groups.count, 2)
        for (k, group) in groups.enumerated() {
            let pixels = group.all("rect").filter { $0.attributes["class"] != "frame" }
            XCTAssertTrue(group.all("rect").contains { $0.attributes["class"] == "frame" })
            let left = pixels.map { $0.number("x") }.min() ?? 0
            let top = pixels.map { $0.number("y") }.min() ?? 0
            let right = pixels.map { $0.number("x") + $0.number("width") }.max() ?? 0
            let size = (right - left) / 3
            for y in 0..<2 {
                for x in 0..<3 {
                    let cx = left + (Double(x) + 0.5) * size, cy = top + (Double(y) + 0.5) * size
                    let covering = pixels.filter {
                        cx >= $0.number("x") && cx < $0.number("x") + $0.number("width") &&
                            cy >= $0.number("y") && cy < $0.number("y") + $0.number("height")
                    }
                    XCTAssertEqual(covering.count, 1, "picture \(k) pixel (\(x), \(y))")
                    XCTAssertEqual(covering.first.flatMap { $0.attributes["fill"] }.flatMap(rgb),
                                   expectedPictureColour(k, x, y), "picture \(k) pixel (\(x), \(y))")
                }
            }
        }
        XCTAssertEqual(root.all("text").filter { $0.attributes["class"] == "caption" }.map(\.text), ["human", "machine"])
        XCTAssertEqual(root.first(class: "title")?.text, "Reconstructions")
    }

    func testTableSVG() throws {
        let table = Table(columns: ["name", "energy"], rows: [["ground", "-12.5"], ["excited", "-3"], ["third", "0.25"]],
                          title: "States")
        let root = try SVGNode.parse(SVGWriter.svg(.table(table)))
        XCTAssertEqual(root.first(class: "header")?.all("text").map(\.text), ["name", "energy"])
        let rows = root.all("g").filter { $0.attributes["class"] == "row" }
        XCTAssertEqual(rows.map { $0.all("text").map(\.text) }, [["ground", "-12.5"], ["excited", "-3"], ["third", "0.25"]])
        // The numeric column is right-aligned, the text column left-aligned.
        for row in rows {
            let texts = row.all("text")
            XCTAssertNil(texts[0].attributes["text-anchor"])
            XCTAssertEqual(texts[1].attributes["text-anchor"], "end")
        }
        XCTAssertEqual(Set(rows.map { $0.all("text")[1].attributes["x"] ?? "" }).count, 1)
        XCTAssertEqual(root.first(class: "title")?.text, "States")
    }

    func testTextIsEscaped() throws {
        let title = "E < 0 & m > 1 \"quoted\" 'single'"
        let figure = Figure.plot(LinePlot(series: [Series(name: "a<b>&c", xs: [0, 1], ys: [0, 1])], title: title))
        let svg = SVGWriter.svg(figure)
        XCTAssertTrue(svg.contains("E &lt; 0 &amp; m &gt; 1 &quot;quoted&quot; &apos;single&apos;"))
        XCTAssertFalse(svg.contains("a<b>"))
        let root = try SVGNode.parse(svg)
        XCTAssertEqual(root.first(class: "title")?.text, title)
        XCTAssertEqual(root.first(class: "legend")?.all("text").map(\.text), ["a<b>&c"])
        // Characters XML cannot hold do not break the document.
        let odd = Figure.table(Table(columns: ["x\u{1}y"], rows: [["tab\there"]], title: "bell\u{7}"))
        XCTAssertNoThrow(try SVGNode.parse(SVGWriter.svg(odd)))
        XCTAssertEqual(SVGWriter.escape("<&>"), "&lt;&amp;&gt;")
    }

    func testEveryFigureKindParses() throws {
        let figures: [Figure] = [
            plotFigure,
            .plot(LinePlot(series: [])),
            .plot(LinePlot(series: [Series(xs: [1], ys: [.infinity])], x: Axis(scale: .log))),
            .histogram(HistogramFigure.binning([], bins: 5)),
            .heatmap(Heatmap(rows: 0, cols: 0, values: [])),
            .heatmap(Heatmap(rows: 2, cols: 2, values: [1, .nan])),
            .pictures(PictureGrid(pictures: [], cols: 3)),
            .pictures(pictureGrid),
            .table(Table(columns: [], rows: [])),
            .heatmap(Heatmap(rows: Int.max / 2, cols: 3, values: [1, 2])),
            .pictures(PictureGrid(pictures: [Picture(width: 1 << 40, height: 1 << 40, pixels: [])], cols: 1)),
        ]
        for figure in figures {
            XCTAssertNoThrow(try SVGNode.parse(SVGWriter.svg(figure)), "\(figure)")
            XCTAssertNoThrow(try DecodedPNG(PNGWriter.png(figure, scale: 1)), "\(figure)")
        }
    }

    func testOutputIsDeterministic() {
        let figures: [Figure] = [plotFigure, .pictures(pictureGrid),
                                 .heatmap(Heatmap(rows: 2, cols: 2, values: [0.1, -0.3, 0.7, 1e-9]))]
        for figure in figures {
            XCTAssertEqual(SVGWriter.svg(figure), SVGWriter.svg(figure))
            XCTAssertEqual(PNGWriter.png(figure, scale: 1), PNGWriter.png(figure, scale: 1))
        }
    }

    // MARK: - PNG

    func testPictureGridPNGPixels() throws {
        // No title and no captions: T = C = 0. Scale 3, so the gap is 3.
        let grid = PictureGrid(pictures: pictureGrid.pictures.map { p in
            var q = p; q.caption = nil; return q
        } + [pictureGrid.pictures[1]].map { p in var q = p; q.caption = nil; return q }, cols: 2)
        let png = try DecodedPNG(PNGWriter.png(.pictures(grid), scale: 3))
        let s = 3, g = 3, w = 3, h = 2
        XCTAssertEqual(png.width, g + 2 * (w * s + g))
        XCTAssertEqual(png.height, g + 2 * (h * s + g))
        for k in 0..<3 {
            let originX = g + (k % 2) * (w * s + g), originY = g + (k / 2) * (h * s + g)
            for y in 0..<h {
                for x in 0..<w {
                    let expected = expectedPictureColour(k == 2 ? 1 : k, x, y)
                    for dy in 0..<s {
                        for dx in 0..<s {
                            XCTAssertEqual(png.pixel(originX + x * s + dx, originY + y * s + dy), expected,
                                           "picture \(k) pixel (\(x), \(y))")
                        }
                    }
                }
            }
            // A grey frame just outside the picture, white background beyond it.
            XCTAssertEqual(png.pixel(originX - 1, originY), RGBTriple(160, 160, 160))
            XCTAssertEqual(png.pixel(originX + w * s, originY + h * s - 1), RGBTriple(160, 160, 160))
        }
        XCTAssertEqual(png.pixel(0, 0), RGBTriple(255, 255, 255))
        // The empty fourth slot stays background.
        XCTAssertEqual(png.pixel(g + (w * s + g) + 1, g + (h * s + g) + 1), RGBTriple(255, 255, 255))
    }

    func testPictureGridPNGWithTitleAndCaptions() throws {
        let png = try DecodedPNG(PNGWriter.png(.pictures(pictureGrid), scale: 4))
        let s = 4, g = 4, titleBand = 24, captionBand = 14
        XCTAssertEqual(png.width, g + 2 * (3 * s + g))
        XCTAssertEqual(png.height, titleBand + g + (2 * s + captionBand + g))
        for k in 0..<2 {
            let originX = g + k * (3 * s + g), originY = titleBand + g
            for y in 0..<2 {
                for x in 0..<3 {
                    XCTAssertEqual(png.pixel(originX + x * s + 1, originY + y * s + 2), expectedPictureColour(k, x, y))
                }
            }
        }
        // Caption text is drawn (some dark pixels) in the caption band.
        var ink = 0
        for y in (titleBand + g + 2 * s)..<(titleBand + g + 2 * s + captionBand) {
            for x in 0..<png.width where png.pixel(x, y).r < 100 { ink += 1 }
        }
        XCTAssertGreaterThan(ink, 10)
    }

    func testHeatmapPNGCellsUseTheSVGColours() throws {
        let heatmap = Heatmap(rows: 2, cols: 2, values: [-1, -0.5, 0.5, 1])
        let root = try SVGNode.parse(SVGWriter.svg(.heatmap(heatmap)))
        let colours = root.first(class: "cells")?.all("rect").compactMap { $0.attributes["fill"] }.compactMap(rgb) ?? []
        XCTAssertEqual(colours.count, 4)
        XCTAssertEqual(colours.first, RGBTriple(33, 102, 172))
        XCTAssertEqual(colours.last, RGBTriple(178, 24, 43))
        let s = 9
        let png = try DecodedPNG(PNGWriter.png(.heatmap(heatmap), scale: s))
        var origins: [(Int, Int)] = []
        for colour in colours {
            // Each cell's colour covers exactly one s × s square of the image.
            var xs: [Int] = [], ys: [Int] = []
            for y in 0..<png.height {
                for x in 0..<png.width where png.pixel(x, y) == colour { xs.append(x); ys.append(y) }
            }
            XCTAssertEqual(xs.count, s * s, "\(colour)")
            guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { continue }
            XCTAssertEqual(x1 - x0 + 1, s); XCTAssertEqual(y1 - y0 + 1, s)
            origins.append((x0, y0))
        }
        if origins.count == 4 {
            XCTAssertEqual(origins[1].0 - origins[0].0, s); XCTAssertEqual(origins[1].1, origins[0].1)
            XCTAssertEqual(origins[2].1 - origins[0].1, s); XCTAssertEqual(origins[2].0, origins[0].0)
            XCTAssertEqual(origins[3].0, origins[1].0); XCTAssertEqual(origins[3].1, origins[2].1)
        }
    }

    func testPlotAndHistogramPNGAreRasterised() throws {
        let plot = try DecodedPNG(PNGWriter.png(plotFigure, scale: 1))
        XCTAssertEqual(plot.width, 640)
        XCTAssertEqual(plot.height, 400)
        var counts: [RGBTriple: Int] = [:]
        for y in 0..<plot.height { for x in 0..<plot.width { counts[plot.pixel(x, y), default: 0] += 1 } }
        XCTAssertGreaterThan(counts[RGBTriple(31, 119, 180)] ?? 0, 300, "first series drawn")
        XCTAssertGreaterThan(counts[RGBTriple(255, 127, 14)] ?? 0, 300, "second series drawn")
        XCTAssertGreaterThan(counts[RGBTriple(44, 160, 44)] ?? 0, 3 * 9, "scatter points drawn")
        XCTAssertGreaterThan(counts[RGBTriple(34, 34, 34)] ?? 0, 100, "text drawn")

        let doubled = try DecodedPNG(PNGWriter.png(plotFigure))
        XCTAssertEqual(doubled.width, 1280)
        XCTAssertEqual(doubled.height, 800)

        let histogram = try DecodedPNG(PNGWriter.png(.histogram(HistogramFigure(edges: [0, 1, 2], counts: [1, 2])), scale: 1))
        var bars = 0
        for y in 0..<histogram.height { for x in 0..<histogram.width where histogram.pixel(x, y) == RGBTriple(31, 119, 180) { bars += 1 } }
        XCTAssertGreaterThan(bars, 10_000)
    }

    func testPNGEncodingRoundTrips() throws {
        // Random bytes (stored blocks, more than 64 KiB) and a patterned image (matches).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let noise = (0..<(200 * 150 * 3)).map { _ in next() }
        let decodedNoise = try DecodedPNG(PNGWriter.encode(width: 200, height: 150, rgb: noise))
        XCTAssertEqual(decodedNoise.rgb, noise)
        XCTAssertTrue(decodedNoise.blockTypes.contains(0))

        var pattern: [UInt8] = []
        for y in 0..<97 {
            for x in 0..<131 {
                pattern += [UInt8((x * 7 + y) % 256), UInt8((x / 9 + y / 5) % 3 * 100), x % 17 == 0 ? next() : 40]
            }
        }
        let encoded = PNGWriter.encode(width: 131, height: 97, rgb: pattern)
        let decodedPattern = try DecodedPNG(encoded)
        XCTAssertEqual(decodedPattern.rgb, pattern)
        XCTAssertTrue(decodedPattern.blockTypes.contains(1))
        XCTAssertLessThan(encoded.count, pattern.count / 2, "repeats are compressed")
    }

    // MARK: - Files

    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "qrepl-figure-tests-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testFigureFileWritesByExtensionAtomically() throws {
        let directory = try temporaryDirectory()
        try FigureFile.write(plotFigure, to: directory + "/plot.svg")
        try FigureFile.write(.pictures(pictureGrid), to: directory + "/grid.PNG")
        XCTAssertEqual(try Set(FileManager.default.contentsOfDirectory(atPath: directory)), ["plot.svg", "grid.PNG"],
                       "no temporary file is left behind")
        let svg = try String(contentsOfFile: directory + "/plot.svg", encoding: .utf8)
        XCTAssertEqual(svg, SVGWriter.svg(plotFigure))
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/grid.PNG"))
        XCTAssertEqual(Array(png), PNGWriter.png(.pictures(pictureGrid)))

        // Writing again replaces the file with identical bytes.
        try FigureFile.write(plotFigure, to: directory + "/plot.svg")
        XCTAssertEqual(try String(contentsOfFile: directory + "/plot.svg", encoding: .utf8), svg)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).count, 2)
    }

    func testFigureFileRejectsUnknownExtensionsAndBadDirectories() throws {
        let directory = try temporaryDirectory()
        XCTAssertThrowsError(try FigureFile.write(plotFigure, to: directory + "/plot.jpg")) { error in
            XCTAssertEqual(error as? FigureFileError,
                           .unsupportedExtension(path: directory + "/plot.jpg", supported: ["svg", "png"]))
            XCTAssertTrue("\(error)".contains(".svg, .png"))
        }
        XCTAssertThrowsError(try FigureFile.write(plotFigure, to: directory + "/noextension"))
        XCTAssertThrowsError(try FigureFile.write(plotFigure, to: directory + "/missing/plot.svg")) { error in
            guard case .writeFailed? = error as? FigureFileError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [])
    }
}

// MARK: - Helpers: colours

fileprivate struct RGBTriple: Hashable, CustomStringConvertible {
    var r: UInt8, g: UInt8, b: UInt8
    init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
    var description: String { "(\(r), \(g), \(b))" }
}

/// `#rrggbb` as a colour.
private func rgb(_ hex: String) -> RGBTriple? {
    guard hex.count == 7, hex.hasPrefix("#"), let v = UInt32(hex.dropFirst(), radix: 16) else { return nil }
    return RGBTriple(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
}

// MARK: - Helpers: a tiny DOM built with XMLParser

fileprivate final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func parse(_ xml: String) throws -> SVGNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "XML does not parse: \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    /// Every element below this one, in document order.
    var descendants: [SVGNode] { children.flatMap { [$0] + $0.descendants } }

    func all(_ name: String) -> [SVGNode] { descendants.filter { $0.name == name } }

    func first(class role: String) -> SVGNode? { descendants.first { $0.attributes["class"] == role } }

    func number(_ attribute: String) -> Double { Double(attributes[attribute] ?? "") ?? .nan }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: SVGNode?
        var stack: [SVGNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = SVGNode(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

// MARK: - Helpers: an independent PNG decoder

fileprivate struct DecodedPNG {
    struct Failure: Error, CustomStringConvertible { var description: String }

    var width = 0
    var height = 0
    var rgb: [UInt8] = []
    /// The DEFLATE block types met while inflating.
    var blockTypes: Set<Int> = []

    func pixel(_ x: Int, _ y: Int) -> RGBTriple {
        guard x >= 0, y >= 0, x < width, y < height else { return RGBTriple(1, 2, 3) }
        let i = (y * width + x) * 3
        return RGBTriple(rgb[i], rgb[i + 1], rgb[i + 2])
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, Array(bytes[0..<8]) == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Failure(description: "signature") }
        var offset = 8
        var idat: [UInt8] = []
        var types: [String] = []
        func u32(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "truncated chunk") }
            let length = u32(offset)
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "chunk too long") }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let crc = UInt32(u32(offset + 8 + length))
            guard crc == bitwiseCRC32(Array(bytes[(offset + 4)..<(offset + 8)]) + body) else {
                throw Failure(description: "bad CRC in \(type)")
            }
            types.append(type)
            if type == "IHDR" {
                guard body.count == 13 else { throw Failure(description: "IHDR size") }
                width = Int(body[0]) << 24 | Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
                height = Int(body[4]) << 24 | Int(body[5]) << 16 | Int(body[6]) << 8 | Int(body[7])
                guard Array(body[8..<13]) == [8, 2, 0, 0, 0] else { throw Failure(description: "not 8-bit RGB") }
            }
            if type == "IDAT" { idat += body }
            offset += 12 + length
        }
        guard types.first == "IHDR", types.last == "IEND", types.contains("IDAT") else {
            throw Failure(description: "chunk order \(types)")
        }
        // zlib: header, DEFLATE data, Adler-32 of the inflated bytes.
        guard idat.count >= 6, idat[0] & 0x0F == 8, (Int(idat[0]) << 8 | Int(idat[1])) % 31 == 0 else {
            throw Failure(description: "zlib header")
        }
        var inflater = Inflater(Array(idat[2...]))
        let raw = try inflater.inflate()
        blockTypes = inflater.blockTypes
        let trailer = inflater.bytesConsumed + 2
        guard trailer + 4 <= idat.count else { throw Failure(description: "missing Adler-32") }
        let adler = UInt32(idat[trailer]) << 24 | UInt32(idat[trailer + 1]) << 16 | UInt32(idat[trailer + 2]) << 8 | UInt32(idat[trailer + 3])
        guard adler == simpleAdler32(raw) else { throw Failure(description: "bad Adler-32") }
        // Undo the scanline filters.
        let stride = width * 3
        guard raw.count == (stride + 1) * height else { throw Failure(description: "image data size \(raw.count)") }
        var out = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for i in 0..<stride {
                let x = raw[y * (stride + 1) + 1 + i]
                let a = i >= 3 ? Int(out[y * stride + i - 3]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + i]) : 0
                let c = (i >= 3 && y > 0) ? Int(out[(y - 1) * stride + i - 3]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "filter type \(filter)")
                }
                out[y * stride + i] = UInt8((Int(x) + predictor) & 0xFF)
            }
        }
        rgb = out
    }
}

/// CRC-32 computed bit by bit (no table), independent of the writer's.
private func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
}

private func simpleAdler32(_ bytes: [UInt8]) -> UInt32 {
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in bytes { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
    return b << 16 | a
}

/// A plain DEFLATE decoder (stored, fixed and dynamic Huffman blocks), after zlib's puff.c.
fileprivate struct Inflater {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer = 0
    private var bitCount = 0
    private(set) var blockTypes: Set<Int> = []

    init(_ input: [UInt8]) { self.input = input }

    /// Whole bytes read so far (the partial last byte counts).
    var bytesConsumed: Int { position }

    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        init(lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offsets[l + 1] = offsets[l] + counts[l] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 { symbols[offsets[l]] = symbol; offsets[l] += 1 }
        }
    }

    private mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard position < input.count else { throw DecodedPNG.Failure(description: "inflate: out of input") }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << n) - 1)
        bitBuffer >>= n
        bitCount -= n
        return value
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw DecodedPNG.Failure(description: "inflate: bad code")
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    mutating func inflate() throws -> [UInt8] {
        var out: [UInt8] = []
        var last = 0
        repeat {
            last = try bits(1)
            let type = try bits(2)
            blockTypes.insert(type)
            switch type {
            case 0:
                bitBuffer = 0; bitCount = 0
                guard position + 4 <= input.count else { throw DecodedPNG.Failure(description: "stored header") }
                let length = Int(input[position]) | Int(input[position + 1]) << 8
                let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
                guard length == (~complement & 0xFFFF) else { throw DecodedPNG.Failure(description: "stored length") }
                position += 4
                guard position + length <= input.count else { throw DecodedPNG.Failure(description: "stored data") }
                out += input[position..<(position + length)]
                position += length
            case 1:
                let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                    + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                try codes(Huffman(lengths: lengths), Huffman(lengths: [Int](repeating: 5, count: 30)), into: &out)
            case 2:
                let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var codeLengths = [Int](repeating: 0, count: 19)
                for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
                let lencode = Huffman(lengths: codeLengths)
                var lengths: [Int] = []
                while lengths.count < nlen + ndist {
                    let symbol = try decode(lencode)
                    switch symbol {
                    case 0..<16: lengths.append(symbol)
                    case 16:
                        guard let previous = lengths.last else { throw DecodedPNG.Failure(description: "repeat with no length") }
                        lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
                    case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
                    default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
                    }
                }
                try codes(Huffman(lengths: Array(lengths[0..<nlen])), Huffman(lengths: Array(lengths[nlen..<(nlen + ndist)])), into: &out)
            default:
                throw DecodedPNG.Failure(description: "inflate: block type 3")
            }
        } while last == 0
        return out
    }

    private mutating func codes(_ literals: Huffman, _ distances: Huffman, into out: inout [UInt8]) throws {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < Inflater.lengthBase.count else { throw DecodedPNG.Failure(description: "bad length symbol") }
            let length = Inflater.lengthBase[index] + (try bits(Inflater.lengthExtra[index]))
            let d = try decode(distances)
            guard d < Inflater.distanceBase.count else { throw DecodedPNG.Failure(description: "bad distance symbol") }
            let distance = Inflater.distanceBase[d] + (try bits(Inflater.distanceExtra[d]))
            guard distance <= out.count else { throw DecodedPNG.Failure(description: "distance too far back") }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }
}
