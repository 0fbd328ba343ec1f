#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Unbuffered writes to the process's standard output and error, and what they are
/// connected to.
///
/// Writes go straight to the file descriptors with `write(2)`, retried when a signal
/// (Ctrl-C has no SA_RESTART) interrupts them, so output never waits in a buffer
/// while the line editor owns the terminal.
enum Console {
    /// Writes `text` to standard output.
    static func output(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

    /// Writes `text` to standard error.
    static func error(_ text: String) { writeAll(text, to: STDERR_FILENO) }

    /// Whether the last text written (to either stream) ended a line.
    private static let atLineStart = Atomic<Bool>(true)

    /// Ends the current line if the last output left one open (say, a print without a
    /// newline), so that the next prompt or result starts in the first column.
    static func finishPartialLine() {
        if !atLineStart.load(ordering: .relaxed) { output("\n") }
    }

    /// True when standard input is a terminal.
    static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// True when standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// True when standard error is a terminal.
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// False when the user asked for no colour with a non-empty `NO_COLOR` (no-color.org),
    /// or the terminal says it cannot show any (`TERM=dumb`).
    static var colourAllowed: Bool {
        if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// Writes all of `text` to `descriptor`, giving up silently if it is closed.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        guard let last = text.unicodeScalars.last else { return }
        atLineStart.store(last == "\n", ordering: .relaxed)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard var start = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, start, remaining)
                if written > 0 {
                    start += written
                    remaining -= written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Reads all of standard input.
    static func readAllInput() -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return data
    }
}
