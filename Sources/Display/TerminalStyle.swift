/// How text may be styled on the output it is written to.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether ANSI colour escapes may be written.
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// Plain text: no escapes at all.
    public static let plain = TerminalStyle(colour: false)

    /// Wraps `text` in the ANSI SGR code `code` when colour is on.
    public func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
