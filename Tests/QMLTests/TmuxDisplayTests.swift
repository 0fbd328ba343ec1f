import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// Draws a plot and a picture grid in a real terminal: `qrepl` runs inside tmux in a
/// window 100 columns wide, and the captured pane is checked. tmux is installed by
/// `make test` (see the Makefile's system packages).
final class TmuxDisplayTests: XCTestCase {
    /// Runs a tmux command through the shell, with its output in a temporary file.
    /// (Foundation's Process never sees `tmux new-session -d` exit: the daemonised server
    /// keeps descriptors Process waits on, so the shell's `system` is used instead.)
    func run(_ arguments: [String], captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(getpid())").path
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let status = system("tmux \(quoted) </dev/null >\(outputPath) 2>&1")
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        return (status, output)
    }

    func testPlotAndPicturesInA100ColumnTerminal() throws {
        let binary = try QreplExecutable.path()
        let session = "qrepl-test-\(getpid())"
        let socket = "qrepl-test-socket-\(getpid())"
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-history-\(getpid())").path
        let start = try run(["-L", socket, "new-session", "-d", "-s", session, "-x", "100", "-y", "50",
                             "env -u NO_COLOR -u COLORTERM QREPL_HISTORY=\(history) TERM=xterm-256color \(binary)"], captureOutput: false)
        XCTAssertEqual(start.status, 0, "tmux could not start")
        defer { _ = try? run(["-L", socket, "kill-server"], captureOutput: false) }

        func send(_ line: String) throws {
            _ = try run(["-L", socket, "send-keys", "-t", session, "-l", line])
            _ = try run(["-L", socket, "send-keys", "-t", session, "Enter"])
        }
        func pane() throws -> String { try run(["-L", socket, "capture-pane", "-p", "-t", session]).output }
        func waitFor(_ text: String, seconds: Double = 20) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try pane()
                if last.contains(text) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            XCTFail("timed out waiting for \(text); the pane shows:\n\(last)")
            return last
        }

        _ = try waitFor("qml>")
        try send("plot(map(0..<100, |i| sin(i / 8)), title: \"wave\")")
        let plotted = try waitFor("└")       // the plot's corner: output, not the typed line
        let braille = plotted.unicodeScalars.filter { $0.value >= 0x2801 && $0.value <= 0x28FF }
        XCTAssertGreaterThan(braille.count, 50, "the plot should be drawn with braille dots:\n\(plotted)")
        XCTAssertTrue(plotted.contains("┤"), "tick marks on the y axis")
        for line in plotted.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 100, "a line is wider than the terminal: \(line)")
        }

        _ = try run(["-L", socket, "send-keys", "-t", session, "C-l"])
        try send("show([[[0, 1], [1, 0]], [[1, 1], [0, 0]]], captions: [\"diag\", \"top\"])")
        let shown = try waitFor("▀")
        XCTAssertTrue(shown.contains("▀"), "pictures are drawn with half blocks:\n\(shown)")
        XCTAssertTrue(shown.contains("top"))
        try send("quit")
    }
}
