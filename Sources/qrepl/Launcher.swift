import Foundation
import QML

/// Carries out an `Invocation`: runs the script or code, writes the run record, and
/// starts the interactive session when there is one. Everything runs on the
/// interpreter's large-stack thread, which is also the thread that reads the terminal.
enum Launcher {
    /// Runs the invocation and returns the process's exit status.
    static func run(_ invocation: Invocation) -> Int32 {
        let plan = Plan(invocation)
        Interrupts.install()
        if plan.interactive {
            // Send Ctrl-C to the session thread, where the reading and evaluating happen,
            // rather than to this one, which only waits; the session thread unblocks it.
            Interrupts.setBlockedInThisThread(true)
        }
        return Interpreter.runOnLargeStack {
            if plan.interactive { Interrupts.setBlockedInThisThread(false) }
            return execute(invocation, plan)
        }
    }

    /// The decisions that depend on the terminal, made once up front.
    struct Plan {
        /// An interactive session on the terminal (the line editor) will run.
        let interactive: Bool
        /// Standard input is a pipe or file that holds the code to run.
        let readsScriptFromInput: Bool
        /// Diagnostics and values may be coloured.
        let colour: Bool

        init(_ invocation: Invocation) {
            let inputIsTerminal = Console.inputIsTerminal
            let wantsSession = invocation.action == .session || invocation.staysInteractive
            interactive = wantsSession && inputIsTerminal
            readsScriptFromInput = wantsSession && !inputIsTerminal
            // Piped sessions are scripts: no prompt and no colour.
            let piped = invocation.action == .session && !inputIsTerminal
            colour = !piped && Console.errorIsTerminal && Console.colourAllowed
        }
    }

    private static func execute(_ invocation: Invocation, _ plan: Plan) -> Int32 {
        if case .report(let path, let directory) = invocation.action {
            let report = ReportCommand(path: path, outputDirectory: directory,
                                       arguments: invocation.scriptArguments, colour: plan.colour)
            return report.run()
        }
        let startTime = Date()
        let interpreter = makeInterpreter(arguments: invocation.scriptArguments, colour: plan.colour)
        let runner = ScriptRunner(interpreter: interpreter)

        if plan.interactive {
            Console.output("qrepl \(Version.number). :help for help, Ctrl-D to quit.\n")
            runStartupScript(in: interpreter)
        }

        var status: Int32 = 0
        switch invocation.action {
        case .runFile(let path): status = runner.runFile(path)
        case .evaluate(let code): status = runner.runSource(code, name: "-e")
        case .session, .help, .version, .reference, .report: break
        }
        if plan.readsScriptFromInput && (status == 0 || invocation.action == .session) {
            status = runner.runStandardInput()
        }
        if let recordPath = invocation.recordPath {
            let recorded = writeRecord(of: interpreter, to: recordPath, startTime: startTime)
            if status == 0 && !recorded { status = 1 }
        }
        guard plan.interactive else { return status }

        guard let editor = LineEditor(programName: "qrepl", historyPath: Paths.historyFile) else {
            Console.error("qrepl: the line editor cannot run on this terminal\n")
            return 1
        }
        let repl = REPL(interpreter: interpreter, editor: editor,
                        colour: Console.outputIsTerminal && Console.colourAllowed)
        if case .runFile(let path) = invocation.action, path != "-" {
            repl.lastLoadedFile = path
        }
        repl.run()
        return 0
    }

    /// An interpreter that prints through `Console` and sees `arguments` as `args`.
    /// Problems loading the standard prelude are reported, not fatal.
    private static func makeInterpreter(arguments: [String], colour: Bool) -> Interpreter {
        var options = Interpreter.Options()
        options.output = { text in Console.output(text) }
        options.colour = colour
        options.arguments = QuickMode.arguments(arguments, environment: ProcessInfo.processInfo.environment)
        let interpreter = Interpreter(options: options)
        for problem in interpreter.startupProblems {
            Console.error(interpreter.render(problem))
        }
        return interpreter
    }

    /// Runs `~/.qreplrc.qml` if there is one; a failure is reported and the session goes on.
    private static func runStartupScript(in interpreter: Interpreter) {
        let path = Paths.startupScript
        guard FileManager.default.isReadableFile(atPath: path) else { return }
        if case .failure(let diagnostic) = interpreter.runFile(path: path) {
            Console.error(interpreter.render(diagnostic))
            Console.error("(in the startup file \(path); the session goes on)\n")
        }
        Interrupts.acknowledge()
    }

    /// Writes the `--record` JSON. Returns false, after saying why, when it cannot.
    private static func writeRecord(of interpreter: Interpreter, to path: String, startTime: Date) -> Bool {
        let json = interpreter.runRecordJSON(
            command: CommandLine.arguments,
            startTime: startTime,
            wallTime: Date().timeIntervalSince(startTime))
        do {
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            return true
        } catch {
            Console.error("qrepl: cannot write the run record to \(path): \(error.localizedDescription)\n")
            return false
        }
    }
}
