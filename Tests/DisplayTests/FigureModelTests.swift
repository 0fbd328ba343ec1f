import XCTest
@testable import Display

/// The figure model's own logic: binning and the choice of colour map.
final class FigureModelTests: XCTestCase {
    func testBinningCountsEveryFiniteValueOnce() {
        let h = HistogramFigure.binning([0, 0.5, 1, 1.5, 2, 2, .nan, .infinity], bins: 4)
        XCTAssertEqual(h.edges, [0, 0.5, 1, 1.5, 2])
        XCTAssertEqual(h.counts, [1, 1, 1, 3])   // the maximum falls in the last bin
    }

    func testBinningOfAConstantSample() {
        let h = HistogramFigure.binning([3, 3, 3], bins: 5)
        XCTAssertEqual(h.edges.first, 2.5)
        XCTAssertEqual(h.edges.last, 3.5)
        XCTAssertEqual(h.counts.reduce(0, +), 3)
    }

    func testDivergingColoursOnlyForDataOfBothSigns() {
        XCTAssertTrue(Heatmap(rows: 1, cols: 2, values: [-1, 2]).usesDivergingColours)
        XCTAssertFalse(Heatmap(rows: 1, cols: 2, values: [0, 2]).usesDivergingColours)
        XCTAssertTrue(Heatmap(rows: 1, cols: 2, values: [0, 2], diverging: true).usesDivergingColours)
    }

    func testCapabilitiesFromTheEnvironment() {
        let caps = TerminalCapabilities.detect(fd: -1, environment: ["COLUMNS": "100", "QREPL_ASCII": "1"])
        XCTAssertEqual(caps.width, 100)
        XCTAssertEqual(caps.colour, .none)     // not a terminal
        XCTAssertFalse(caps.unicode)
    }
}
