import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar for long computations (training loops, sampling with many reads,
/// embedding tries): a label, a bar, the count done out of the total, the rate in items
/// per second and the time left.
///
/// On a terminal the bar is one line redrawn in place (`\r`, then the line, then "clear
/// to the end of the line"), at most about ten times a second however often `advance`
/// is called. It is written to standard error, never standard output, so it never
/// mixes with printed values or with output redirected to a file.
///
/// When the output is not a terminal (a log file, a pipe, a test), nothing at all is
/// written while the work runs; `finish()` then writes one summary line
/// (`label: 1000/1000 in 0:12 (83.3/s)`) if the work took at least
/// `summaryThreshold` seconds, and nothing for quicker work, so short runs leave logs
/// and golden outputs untouched. `QREPL_PROGRESS=0` turns bars off altogether.
///
/// The bar is safe to advance from several threads.
///
/// ```swift
/// let bar = ProgressBar.onStandardError(label: "sampling", total: reads)
/// for _ in 0..<reads { ...; bar.advance() }
/// bar.finish()
/// ```
public final class ProgressBar: @unchecked Sendable {
    /// What the bar is counting, shown first.
    public let label: String
    /// How many items there are in all; nil when unknown (then there is no bar, percentage or ETA).
    public let total: Int?
    /// Whether the output is a terminal: redraw in place while running; otherwise stay
    /// silent until `finish()`.
    public let isTerminal: Bool
    /// The terminal's width in columns; the line is kept one column shorter so it never wraps.
    public let width: Int
    /// Unicode block characters for the bar; false draws it with `#` and `-`.
    public let unicode: Bool
    /// The least time between two redraws, in seconds.
    public var minimumInterval: Double = 0.1
    /// On a terminal, nothing is drawn until the work has run this long, so quick work
    /// leaves the screen untouched (0 draws from the first `advance`).
    public var startDelay: Double = 0
    /// When not on a terminal, work that took at least this many seconds gets a summary
    /// line from `finish()`; nil means never write one.
    public var summaryThreshold: Double? = 2

    private let emit: (String) -> Void
    private let now: () -> Double
    private let lock = NSLock()
    private let startTime: Double
    private var completed = 0
    private var lastDrawTime: Double?
    private var isFinished = false

    /// Creates a bar that writes through `output` and reads the time from `clock`
    /// (seconds on any monotonic scale). The clock starts when the bar is created.
    public init(label: String, total: Int?, isTerminal: Bool, width: Int = 80, unicode: Bool = true,
                output: @escaping (String) -> Void,
                clock: @escaping () -> Double = ProgressBar.monotonicSeconds) {
        self.label = label
        self.total = total.map { max(0, $0) }
        self.isTerminal = isTerminal
        self.width = max(20, width)
        self.unicode = unicode
        self.emit = output
        self.now = clock
        self.startTime = clock()
    }

    /// A bar on standard error, drawn when standard error is a terminal (at its width,
    /// in ASCII under `QREPL_ASCII=1`); silent apart from the summary line otherwise;
    /// completely silent when the environment has `QREPL_PROGRESS=0`.
    public static func onStandardError(
        label: String, total: Int?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ProgressBar {
        let capabilities = TerminalCapabilities.detect(fd: STDERR_FILENO, environment: environment)
        if environment["QREPL_PROGRESS"] == "0" {
            let bar = ProgressBar(label: label, total: total, isTerminal: false, output: { _ in })
            bar.summaryThreshold = nil
            return bar
        }
        return ProgressBar(label: label, total: total, isTerminal: isatty(STDERR_FILENO) == 1,
                           width: capabilities.width, unicode: capabilities.unicode,
                           output: ProgressBar.writeToStandardError)
    }

    /// Ends a bar that was drawn but never finished (say, the work failed), so that what
    /// comes next starts on a line of its own.
    deinit {
        if isTerminal && lastDrawTime != nil && !isFinished { emit("\n") }
    }

    // MARK: - Progress

    /// Notes one more item done (or `count` more).
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        setCompleted(completed + count)
    }

    /// Notes that `count` items are done in all.
    public func update(to count: Int) {
        lock.lock()
        defer { lock.unlock() }
        setCompleted(count)
    }

    /// Ends the bar: on a terminal, draws it a last time with the elapsed time and ends
    /// the line; elsewhere, writes the summary line when the work took long enough.
    /// Calling it again does nothing.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !isFinished else { return }
        isFinished = true
        let elapsed = now() - startTime
        if isTerminal {
            if lastDrawTime == nil && startDelay > 0 { return }   // never drawn: stay invisible
            emit("\r" + Self.line(label: label, completed: completed, total: total, elapsed: elapsed,
                                   width: width, unicode: unicode, finished: true) + Self.clearToEndOfLine + "\n")
        } else if let threshold = summaryThreshold, elapsed >= threshold {
            emit(Self.summary(label: label, completed: completed, total: total, elapsed: elapsed) + "\n")
        }
    }

    /// How many items are done so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return completed
    }

    /// Records the count and redraws when the terminal has not been drawn on for
    /// `minimumInterval`. The caller holds the lock.
    private func setCompleted(_ count: Int) {
        guard !isFinished else { return }
        completed = max(0, count)
        guard isTerminal else { return }
        let time = now()
        if time - startTime < startDelay { return }
        if let last = lastDrawTime, time - last < minimumInterval { return }
        lastDrawTime = time
        emit("\r" + Self.line(label: label, completed: completed, total: total, elapsed: time - startTime,
                               width: width, unicode: unicode, finished: false) + Self.clearToEndOfLine)
    }

    // MARK: - Rendering

    /// The ANSI "erase to the end of the line" sequence, written after each redraw so a
    /// shorter line leaves no remains of a longer one.
    static let clearToEndOfLine = "\u{1B}[K"

    /// The terminal line: `label ████▌      45%  450/1000  123/s  ETA 0:04`, fitted into
    /// `width - 1` columns (the bar shrinks, and disappears when there is no room for it).
    /// A finished line shows the elapsed time (`in 0:12`) in place of the ETA.
    public static func line(label: String, completed: Int, total: Int?, elapsed: Double,
                            width: Int, unicode: Bool, finished: Bool) -> String {
        let rate = elapsed > 0 ? Double(completed) / elapsed : nil
        var tail: [String] = []
        var fraction: Double?
        if let total, total > 0 {
            let f = min(1, max(0, Double(completed) / Double(total)))
            fraction = f
            tail.append(String(format: "%3d%%", Int((f * 100).rounded(.down))))
            tail.append("\(completed)/\(total)")
        } else {
            tail.append("\(completed)")
        }
        if let rate { tail.append(formatRate(rate)) }
        if finished {
            tail.append("in " + formatClock(elapsed))
        } else if let total, let rate, rate > 0 {
            tail.append("ETA " + formatClock(Double(max(0, total - completed)) / rate))
        } else if total != nil {
            tail.append("ETA --:--")
        }

        let available = max(1, width - 1)
        let shownLabel = label.count > 30 ? String(label.prefix(29)) + (unicode ? "…" : "~") : label
        let tailText = tail.joined(separator: "  ")
        let fixed = shownLabel.count + 1 + 2 + tailText.count      // "label " + bar + "  " + tail
        if let fraction, available - fixed >= 10 {
            let barWidth = min(40, available - fixed)
            return shownLabel + " " + bar(fraction, width: barWidth, unicode: unicode) + "  " + tailText
        }
        let plain = shownLabel + "  " + tailText
        return plain.count <= available ? plain : String(plain.prefix(available))
    }

    /// The line written when not on a terminal: `label: 1000/1000 in 0:12 (83.3/s)`, or
    /// `label: stopped at 450/1000 after 0:12 (37.5/s)` when the work ended early.
    public static func summary(label: String, completed: Int, total: Int?, elapsed: Double) -> String {
        let rate = elapsed > 0 ? " (" + formatRate(Double(completed) / elapsed) + ")" : ""
        guard let total else { return "\(label): \(completed) in \(formatClock(elapsed))\(rate)" }
        if completed < total {
            return "\(label): stopped at \(completed)/\(total) after \(formatClock(elapsed))\(rate)"
        }
        return "\(label): \(completed)/\(total) in \(formatClock(elapsed))\(rate)"
    }

    /// A bar of `width` cells filled to `fraction`: eighth blocks in Unicode, `#` and `-` in ASCII.
    static func bar(_ fraction: Double, width: Int, unicode: Bool) -> String {
        let f = min(1, max(0, fraction))
        if !unicode {
            let inner = max(0, width - 2)
            let full = min(inner, Int((f * Double(inner)).rounded(.down)))
            return "[" + String(repeating: "#", count: full) + String(repeating: "-", count: inner - full) + "]"
        }
        let eighths = Int((f * Double(width * 8)).rounded(.down))
        let full = eighths / 8
        let partial = eighths % 8
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: full)
        if full < width {
            text += partial > 0 ? partials[partial] : " "
            text += String(repeating: " ", count: width - full - 1)
        }
        return text
    }

    /// Items per second for people: `0.25/s`, `3.4/s`, `123/s`, `45.6k/s`, `1.2M/s`.
    static func formatRate(_ rate: Double) -> String {
        switch rate {
        case ..<1: return String(format: "%.2f/s", rate)
        case ..<100: return String(format: "%.1f/s", rate)
        case ..<10_000: return String(format: "%.0f/s", rate)
        case ..<10_000_000: return String(format: "%.1fk/s", rate / 1e3)
        default: return String(format: "%.1fM/s", rate / 1e6)
        }
    }

    /// A duration as a clock: `0:04`, `12:30`, `1:02:03`; `--:--` when not finite.
    static func formatClock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e9 else { return "--:--" }
        let whole = Int(seconds.rounded())
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    // MARK: - Defaults

    /// Seconds since an arbitrary fixed moment, never going backwards.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Writes `text` to standard error unbuffered, retrying writes a signal cut short.
    public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
