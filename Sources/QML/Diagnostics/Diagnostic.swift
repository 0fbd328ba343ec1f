/// What went wrong in a program, where, and what might fix it.
///
/// Every failure a script can cause ends as one of these: lexing, parsing and
/// resolution errors (`phase == .compile`, exit code 2) and runtime errors
/// (`phase == .runtime`, exit code 1, with a traceback of language-level calls).
public struct Diagnostic: Error, Sendable {
    /// When the problem was found.
    public enum Phase: Sendable { case compile, runtime }

    /// One language-level call that was active when a runtime error happened.
    public struct Frame: Sendable {
        public let function: String
        public let span: Span?
    }

    public var phase: Phase
    public var message: String
    public var span: Span?
    /// A suggestion such as "did you mean `sweeps`?".
    public var hint: String?
    /// Innermost call first.
    public var traceback: [Frame] = []
    /// Further diagnostics found in the same compile pass (shown after this one).
    public var related: [Diagnostic] = []
    /// True when the input ended too early (an open bracket, a trailing operator, an
    /// unterminated block comment): the REPL then reads another line instead of failing.
    public var incompleteInput = false
    /// False for stops that `try`/`catch` must not swallow (Ctrl-C, an exhausted step budget).
    public var catchable = true

    public init(_ phase: Phase, _ message: String, at span: Span?, hint: String? = nil) {
        self.phase = phase
        self.message = message
        self.span = span
        self.hint = hint
    }

    /// The process exit code for a script that ends with this diagnostic.
    public var exitCode: Int32 { phase == .compile ? 2 : 1 }

    /// `file:line:col` of the error, or "" when it has no location.
    public var location: String { span?.location ?? "" }

    /// The same diagnostic flagged as caused by input that ended too early.
    public func markedIncomplete() -> Diagnostic {
        var d = self
        d.incompleteInput = true
        return d
    }

    /// A compile-time error.
    public static func syntax(_ message: String, at span: Span?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.compile, message, at: span, hint: hint)
    }

    /// A runtime error.
    public static func runtime(_ message: String, at span: Span?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.runtime, message, at: span, hint: hint)
    }
}
