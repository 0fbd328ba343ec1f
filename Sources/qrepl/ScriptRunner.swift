import Foundation
import QML

/// Runs non-interactive work (a script file, `-e` code, piped standard input) in an
/// interpreter, reports a failure on stderr, and turns the outcome into an exit status.
struct ScriptRunner {
    /// The interpreter the code runs in (shared with a session that follows under `-i`).
    let interpreter: Interpreter

    /// Exit status of a script stopped by Ctrl-C (128 + SIGINT, as shells report it).
    static let interruptedStatus: Int32 = 130

    /// Runs the file at `path` (`-` reads standard input). Returns the exit status.
    func runFile(_ path: String) -> Int32 {
        if path == "-" {
            return runStandardInput()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Console.error("qrepl: cannot open '\(path)': \(isDirectory.boolValue ? "it is a directory" : "no such file")\n")
            return 2
        }
        return finish(interpreter.runFile(path: path))
    }

    /// Reads all of standard input and runs it as a script named `<stdin>`. Returns the exit status.
    func runStandardInput() -> Int32 {
        finish(interpreter.runBytes(Console.readAllInput(), name: "<stdin>"))
    }

    /// Runs `source`, naming it `name` in diagnostics. Returns the exit status.
    func runSource(_ source: String, name: String) -> Int32 {
        finish(interpreter.runSource(source, name: name))
    }

    /// Reports a failure and picks the exit status.
    private func finish(_ outcome: Interpreter.Outcome) -> Int32 {
        switch outcome {
        case .success:
            return 0
        case .failure(let diagnostic):
            Console.error(interpreter.render(diagnostic))
            return Interrupts.pending ? Self.interruptedStatus : diagnostic.exitCode
        }
    }
}
