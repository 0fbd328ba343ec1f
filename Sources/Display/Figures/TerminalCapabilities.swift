import Foundation

/// What the output terminal can show: its width, colour depth and character set.
public struct TerminalCapabilities: Sendable, Equatable {
    public enum ColourDepth: String, Sendable, Equatable {
        case none, ansi256, truecolor
    }
    public var width: Int
    public var colour: ColourDepth
    /// Unicode block and braille characters; false means ASCII only.
    public var unicode: Bool
    /// An inline image protocol to draw figures with, when asked for (QREPL_IMAGES).
    public var images: InlineImageProtocol?

    public init(width: Int = 80, colour: ColourDepth = .none, unicode: Bool = true) {
        self.width = width; self.colour = colour; self.unicode = unicode
    }

    /// Plain text, 80 columns, Unicode: what non-terminals and tests get.
    public static let plain = TerminalCapabilities()

    /// Detects the capabilities of file descriptor `fd` (1 for stdout): width from the
    /// terminal (or COLUMNS, else 80), colour from COLORTERM/TERM unless NO_COLOR is set or
    /// the output is not a terminal, and ASCII when QREPL_ASCII=1.
    public static func detect(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalCapabilities {
        let isTerminal = isatty(fd) != 0
        var width = 80
        var size = winsize()
        if isTerminal, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
        } else if let c = environment["COLUMNS"], let w = Int(c), w > 0 {
            width = w
        }
        var colour = ColourDepth.none
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        if isTerminal && !noColour {
            let ct = (environment["COLORTERM"] ?? "").lowercased()
            colour = (ct == "truecolor" || ct == "24bit") ? .truecolor : .ansi256
        }
        let ascii = environment["QREPL_ASCII"] == "1"
        var caps = TerminalCapabilities(width: max(20, min(width, 400)), colour: colour, unicode: !ascii)
        if isTerminal && !noColour { caps.images = InlineImage.requested(in: environment) }
        return caps
    }
}
