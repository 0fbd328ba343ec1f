import XCTest
import Display

/// Progress bars: silent while running when the output is not a terminal, a single line
/// redrawn in place on a terminal, and no more than about ten redraws a second.
final class ProgressBarTests: XCTestCase {
    /// A clock the test moves by hand, and a sink that keeps everything written.
    private final class Harness {
        var time = 100.0
        var written: [String] = []

        func bar(label: String = "sampling", total: Int? = 1000, isTerminal: Bool, width: Int = 80) -> ProgressBar {
            ProgressBar(label: label, total: total, isTerminal: isTerminal, width: width, unicode: true,
                        output: { [unowned self] in self.written.append($0) },
                        clock: { [unowned self] in self.time })
        }
    }

    func testNothingIsWrittenWhileRunningWhenNotOnATerminal() {
        let harness = Harness()
        let bar = harness.bar(isTerminal: false)
        for step in 1...1000 {
            harness.time += 0.5
            bar.update(to: step)
        }
        XCTAssertEqual(harness.written, [], "updates must not write anything off a terminal")
        XCTAssertEqual(bar.count, 1000)
    }

    func testOffATerminalQuickWorkEndsSilentlyAndLongWorkWithOneSummaryLine() {
        let quick = Harness()
        let quickBar = quick.bar(isTerminal: false)
        quickBar.advance(by: 1000)
        quick.time += 0.5
        quickBar.finish()
        XCTAssertEqual(quick.written, [], "work shorter than the threshold leaves no trace")

        let long = Harness()
        let longBar = long.bar(isTerminal: false)
        for _ in 0..<1000 {
            long.time += 0.01
            longBar.advance()
        }
        longBar.finish()
        longBar.finish()
        XCTAssertEqual(long.written.count, 1, "one summary line, once: \(long.written)")
        let line = long.written.first ?? ""
        XCTAssertTrue(line.hasPrefix("sampling: 1000/1000 in 0:10"), line)
        XCTAssertTrue(line.contains("(100"), "the rate, about 100 a second: \(line)")
        XCTAssertTrue(line.hasSuffix("\n"), line)
        XCTAssertFalse(line.contains("\r") || line.contains("\u{1B}"), "no terminal controls in a log: \(line.debugDescription)")
    }

    func testTheTerminalLineHasTheLabelPercentageCountRateAndETA() {
        let harness = Harness()
        let bar = harness.bar(label: "training", total: 200, isTerminal: true)
        harness.time += 10
        bar.update(to: 50)
        let line = harness.written.last ?? ""
        XCTAssertTrue(line.hasPrefix("\r"), "redrawn in place: \(line.debugDescription)")
        XCTAssertFalse(line.contains("\n"), "a running bar stays on its line: \(line.debugDescription)")
        XCTAssertTrue(line.contains("training"), line)
        XCTAssertTrue(line.contains(" 25%"), line)
        XCTAssertTrue(line.contains("50/200"), line)
        XCTAssertTrue(line.contains("5.0/s"), line)
        XCTAssertTrue(line.contains("ETA 0:30"), line)

        let visible = line.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{1B}[K", with: "")
        XCTAssertLessThan(visible.count, 80, "the line fits the terminal without wrapping: \(visible)")

        harness.time += 30
        bar.update(to: 200)
        bar.finish()
        let last = harness.written.last ?? ""
        XCTAssertTrue(last.contains("100%"), last)
        XCTAssertTrue(last.contains("200/200"), last)
        XCTAssertTrue(last.contains("in 0:40"), last)
        XCTAssertTrue(last.hasSuffix("\n"), "finish ends the line: \(last.debugDescription)")
    }

    func testRedrawsAreThrottledToAboutTenASecond() {
        let harness = Harness()
        let bar = harness.bar(isTerminal: true)
        // 1000 updates spread over one second: at most one redraw per 0.1 s.
        for step in 1...1000 {
            harness.time += 0.001
            bar.update(to: step)
        }
        XCTAssertGreaterThanOrEqual(harness.written.count, 9, "the bar still moves")
        XCTAssertLessThanOrEqual(harness.written.count, 11, "\(harness.written.count) redraws in one second")
        bar.finish()
        XCTAssertTrue(harness.written.last?.contains("1000/1000") == true, "finish always draws the final state")
    }

    func testANarrowTerminalDropsTheBarButKeepsTheNumbers() {
        let line = ProgressBar.line(label: "embedding tries", completed: 3, total: 10, elapsed: 3,
                                    width: 30, unicode: true, finished: false)
        XCTAssertLessThan(line.count, 30, line)
        XCTAssertTrue(line.contains("30%"), line)
        XCTAssertFalse(line.contains("█"), line)

        let wide = ProgressBar.line(label: "x", completed: 5, total: 10, elapsed: 1,
                                    width: 80, unicode: false, finished: false)
        XCTAssertTrue(wide.contains("[#"), wide)
        XCTAssertTrue(wide.contains("-]"), wide)
    }

    func testAnUnknownTotalShowsTheCountAndRate() {
        let line = ProgressBar.line(label: "reads", completed: 42, total: nil, elapsed: 2,
                                    width: 80, unicode: true, finished: false)
        XCTAssertTrue(line.contains("42"), line)
        XCTAssertTrue(line.contains("21.0/s"), line)
        XCTAssertFalse(line.contains("%"), line)
        XCTAssertFalse(line.contains("ETA"), line)
    }

    func testProgressCanBeTurnedOffFromTheEnvironment() {
        let bar = ProgressBar.onStandardError(label: "quiet", total: 10, environment: ["QREPL_PROGRESS": "0"])
        XCTAssertFalse(bar.isTerminal)
        XCTAssertNil(bar.summaryThreshold)
    }
}
