import CEditLine

/// One attempt to read a line from the terminal: the line, or why there is none.
enum LineRead: Equatable {
    /// The text the user entered, without its line terminator.
    case line(String)
    /// Ctrl-C was pressed while reading; whatever had been typed is gone.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

/// An interactive line editor on the process's terminal, built on libedit through the
/// `CEditLine` shim: emacs keys, persistent history, Ctrl-R search and Tab completion.
///
/// Use it from one thread only. Ctrl-C (with `Interrupts.install()`) ends a read in
/// progress whichever thread the signal lands on.
final class LineEditor {
    /// Computes completions for the text before the cursor; nil when there are none.
    typealias Completer = (_ textBeforeCursor: String) -> CompletionProposal?

    /// The libedit-backed editor; nil once `close()` has run.
    private var handle: OpaquePointer?
    private let historyPath: String?
    private var historySaveFailed = false

    /// Asked for candidates when Tab is pressed; with nil, Tab only indents.
    var completer: Completer?

    /// Opens the editor and loads the history file at `historyPath`, if one is given
    /// and exists. Returns nil when libedit cannot be initialised on this terminal.
    init?(programName: String, historyPath: String?, historySize: Int = 1000) {
        guard let handle = cel_open(programName, Int32(clamping: historySize)) else { return nil }
        self.handle = handle
        self.historyPath = historyPath
        if let historyPath {
            _ = cel_history_load(handle, historyPath)
        }
        cel_set_completer(handle, { editor, context in
            guard let editor, let context else { return Int32(CEL_COMPLETION_BEEP.rawValue) }
            let lineEditor = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
            return Int32(lineEditor.handleTab(editor).rawValue)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { close() }

    /// Shows `prompt` and reads one edited line. Colour escapes in the prompt must be
    /// bracketed with `LineEditor.promptEscape` (see `styledPrompt`).
    func read(prompt: String) -> LineRead {
        guard let handle else { return .endOfInput }
        _ = cel_set_prompt(handle, prompt)
        var bytes: UnsafePointer<CChar>?
        var length: Int32 = 0
        let status = cel_read_line(handle, &bytes, &length)
        switch status {
        case CEL_READ_LINE:
            guard let bytes, length > 0 else { return .line("") }
            let raw = UnsafeRawBufferPointer(start: bytes, count: Int(length))
            var text = String(decoding: raw, as: UTF8.self)
            while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" {
                text.removeLast()
            }
            return .line(text)
        case CEL_READ_INTERRUPTED:
            return .interrupted
        default:
            return .endOfInput
        }
    }

    /// Adds a line to the history (blank lines and consecutive repeats are skipped).
    func addToHistory(_ line: String) {
        guard let handle, line.contains(where: { !$0.isWhitespace }) else { return }
        _ = cel_history_add(handle, line)
    }

    /// Writes the history file. Returns false (once with a warning on stderr) on failure.
    @discardableResult
    func saveHistory() -> Bool {
        guard let handle, let historyPath else { return true }
        if cel_history_save(handle, historyPath) >= 0 { return true }
        if !historySaveFailed {
            historySaveFailed = true
            Console.error("qrepl: could not write history to \(historyPath)\n")
        }
        return false
    }

    /// Saves the history and gives the terminal back. Safe to call more than once.
    func close() {
        guard let handle else { return }
        saveHistory()
        cel_set_completer(handle, nil, nil)
        cel_close(handle)
        self.handle = nil
    }

    /// The marker that brackets non-printing sequences inside a prompt.
    static let promptEscape: Character = "\u{1}"

    /// `text` wrapped in the ANSI SGR `code`, with the markers libedit needs so that the
    /// escapes are not counted as columns; plain `text` when `colour` is false.
    static func styledPrompt(_ text: String, code: String, colour: Bool) -> String {
        guard colour else { return text }
        let mark = String(promptEscape)
        return "\(mark)\u{1B}[\(code)m\(mark)\(text)\(mark)\u{1B}[0m\(mark)"
    }

    /// Runs when Tab is pressed: indents at the start of a word-less position, otherwise
    /// asks the completer and applies what `CompletionEdit` decides.
    private func handleTab(_ editor: OpaquePointer) -> cel_completion_result {
        var length: Int32 = 0
        var cursor: Int32 = 0
        guard let bytes = cel_current_line(editor, &length, &cursor) else { return CEL_COMPLETION_BEEP }
        let cursorOffset = max(0, min(Int(cursor), Int(length)))
        let before = String(decoding: UnsafeRawBufferPointer(start: bytes, count: cursorOffset), as: UTF8.self)

        let edit: CompletionEdit
        if before.last.map({ $0.isWhitespace }) ?? true {
            edit = .insert(CompletionEdit.indentation)
        } else if let proposal = completer?(before) {
            edit = CompletionEdit.decide(for: proposal)
        } else {
            edit = .nothing
        }
        return apply(edit, in: editor)
    }

    private func apply(_ edit: CompletionEdit, in editor: OpaquePointer) -> cel_completion_result {
        switch edit {
        case .nothing:
            return CEL_COMPLETION_BEEP
        case .insert(let text):
            return cel_insert(editor, text) == 0 ? CEL_COMPLETION_REFRESH : CEL_COMPLETION_BEEP
        case .replace(let characters, let text):
            cel_delete_before_cursor(editor, Int32(clamping: characters))
            return cel_insert(editor, text) == 0 ? CEL_COMPLETION_REFRESH : CEL_COMPLETION_BEEP
        case .list(let candidates):
            let width = Int(cel_terminal_columns(editor))
            cel_print(editor, "\n" + CompletionEdit.columns(candidates, width: width))
            return CEL_COMPLETION_REDISPLAY
        }
    }
}
