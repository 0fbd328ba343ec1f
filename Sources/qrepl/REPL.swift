import Foundation
import QML

/// The interactive session: reads inputs with the line editor (joining lines while the
/// input is incomplete), evaluates them, prints `=> value`, and runs `:` commands.
///
/// Every failure is reported and the session goes on; only `:quit`, `quit`, `exit`
/// and Ctrl-D end it.
final class REPL {
    /// The interpreter whose names persist from one input to the next.
    let interpreter: Interpreter
    /// The terminal line editor.
    let editor: LineEditor
    /// Whether the prompt is coloured.
    let colour: Bool

    /// Inputs that ran without error, in order, for `:save`.
    private(set) var transcript: [String] = []
    /// The file `:reload` runs again.
    var lastLoadedFile: String?

    /// Lines of an input that is not complete yet.
    private var pendingLines: [String] = []

    /// Creates a session over an interpreter and an open editor; Tab completes through the interpreter.
    init(interpreter: Interpreter, editor: LineEditor, colour: Bool) {
        self.interpreter = interpreter
        self.editor = editor
        self.colour = colour
        editor.completer = { [unowned interpreter] before in
            REPL.proposal(from: interpreter, textBeforeCursor: before)
        }
    }

    /// What handling one input line leads to.
    enum Next { case keepGoing, quit }

    /// Reads and evaluates inputs until the user quits, then saves the history.
    func run() {
        loop: while true {
            Console.finishPartialLine()
            let prompt = pendingLines.isEmpty
                ? LineEditor.styledPrompt("qml>", code: "1;32", colour: colour) + " "
                : LineEditor.styledPrompt("...>", code: "32", colour: colour) + " "
            switch editor.read(prompt: prompt) {
            case .interrupted:
                Interrupts.acknowledge()
                pendingLines.removeAll()
                Console.output("^C\n")
            case .endOfInput:
                Console.output("\n")
                guard !pendingLines.isEmpty else { break loop }
                // Ctrl-D inside an unfinished block: evaluate it so the user sees what is missing.
                let source = pendingLines.joined(separator: "\n")
                pendingLines.removeAll()
                evaluate(source)
            case .line(let line):
                editor.addToHistory(line)
                if handle(line) == .quit { break loop }
                editor.saveHistory()
            }
        }
        editor.close()
    }

    /// Handles one line: a command, `quit`, or (part of) code to evaluate.
    func handle(_ line: String) -> Next {
        if pendingLines.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .keepGoing }
            if trimmed.hasPrefix(":") { return REPLCommands(repl: self).run(trimmed) }
            if trimmed == "quit" || trimmed == "exit" { return .quit }
        }
        pendingLines.append(line)
        let source = pendingLines.joined(separator: "\n")
        if interpreter.isIncomplete(source) { return .keepGoing }
        pendingLines.removeAll()
        evaluate(source)
        return .keepGoing
    }

    /// Evaluates a complete input and prints its value, or why it failed.
    /// Returns true when it ran without error.
    @discardableResult
    func evaluate(_ source: String) -> Bool {
        Interrupts.acknowledge()
        let reply = interpreter.evaluateInteractive(source)
        let succeeded = show(reply)
        if succeeded { transcript.append(source) }
        Interrupts.acknowledge()
        return succeeded
    }

    /// Prints a reply: `=> value`, nothing, or the diagnostic (`interrupted` after Ctrl-C).
    /// Returns false for a failure.
    @discardableResult
    func show(_ reply: Interpreter.Reply) -> Bool {
        switch reply {
        case .value(let display):
            Console.finishPartialLine()
            Console.output(display.contains("\n") ? "=>\n\(display)\n" : "=> \(display)\n")
            return true
        case .nothing:
            return true
        case .failure(let diagnostic):
            report(diagnostic)
            return false
        }
    }

    /// Prints a diagnostic on stderr, or just `interrupted` when Ctrl-C caused it.
    func report(_ diagnostic: Diagnostic) {
        Console.finishPartialLine()
        if Interrupts.pending {
            Console.error("\ninterrupted\n")
        } else {
            Console.error(interpreter.render(diagnostic))
        }
    }

    /// Records an input that changed the session without being typed as code (`:load`).
    func appendToTranscript(_ source: String) {
        transcript.append(source)
    }

    /// Asks the interpreter what could complete the word that ends the text before the
    /// cursor; after `:load` and `:save`, a file path. The interpreter counts in UTF-8 bytes.
    static func proposal(from interpreter: Interpreter, textBeforeCursor before: String) -> CompletionProposal? {
        var line = before
        if let argument = REPLCommands.fileArgument(in: before) {
            // The interpreter completes paths inside a string literal: present the argument as one.
            line = "\"" + (argument.hasPrefix("\"") ? String(argument.dropFirst()) : argument)
        }
        let bytes = Array(line.utf8)
        let completion = interpreter.complete(line: line, cursor: bytes.count)
        guard !completion.candidates.isEmpty else { return nil }
        let start = max(0, min(completion.start, bytes.count))
        let typed = String(decoding: bytes[start...], as: UTF8.self)
        return CompletionProposal(typed: typed, candidates: completion.candidates)
    }
}
