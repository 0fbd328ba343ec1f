/// What one run of `qrepl` was asked to do, as read from its command line.
struct Invocation: Equatable {
    /// The main thing to do.
    enum Action: Equatable {
        /// No script: an interactive session, or stdin run as a script when it is not a terminal.
        case session
        /// Run a script file (`-` means standard input).
        case runFile(path: String)
        /// Run the code given with `-e` (several `-e` are joined by newlines).
        case evaluate(code: String)
        /// Print the usage text.
        case help
        /// Print the version.
        case version
        /// Print the reference of every builtin, as Markdown (docs/builtins.md).
        case reference
        /// `report`: run a script's cells and write a report into `outputDirectory`
        /// (nil: the default, `report-NAME`).
        case report(path: String, outputDirectory: String?)
    }

    /// The main thing to do.
    var action: Action = .session
    /// Visible to the script as `args`.
    var scriptArguments: [String] = []
    /// Where `--record` writes the run record, if anywhere.
    var recordPath: String?
    /// `-i`: after the script, stay in an interactive session with its names.
    var staysInteractive = false
}

/// A command line that cannot be understood; qrepl prints it with the usage and exits with 2.
struct UsageError: Error, Equatable {
    /// What is wrong, in one line.
    var message: String
}

/// Reads qrepl's command line by hand (no argument-parsing package, to keep startup fast).
///
/// ```
/// qrepl [-i] [--record OUT.json] [FILE [ARGS...]]
/// qrepl run [-i] FILE [ARGS...] [--record OUT.json]
/// qrepl [-i] -e CODE [-e CODE...] [ARGS...]
/// qrepl report FILE [-o DIR] [ARGS...]
/// qrepl --version | --help
/// ```
/// Options come before the script; after it, only `--record` is still recognised, and
/// `--` ends option reading altogether.
enum InvocationParser {
    /// Parses the arguments that follow the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var invocation = Invocation()
        var remaining = arguments[...]
        var mustRunFile = false
        if remaining.first == "report" {
            return try parseReport(remaining.dropFirst())
        }
        if remaining.first == "run" {
            remaining = remaining.dropFirst()
            mustRunFile = true
        }

        var code: [String] = []
        var optionsEnded = false
        var script: String?

        while let argument = remaining.popFirst() {
            if !optionsEnded, let recordPath = try recordOption(argument, &remaining) {
                invocation.recordPath = recordPath
                continue
            }
            if !optionsEnded && argument == "--" {
                optionsEnded = true
                continue
            }
            // Once the script (or -e code) is known, everything else belongs to it.
            if script != nil || !code.isEmpty && (optionsEnded || !argument.hasPrefix("-")) {
                invocation.scriptArguments.append(argument)
                continue
            }
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                script = argument
                continue
            }
            switch argument {
            case "-h", "--help":
                return Invocation(action: .help)
            case "-V", "--version":
                return Invocation(action: .version)
            case "--reference":
                return Invocation(action: .reference)
            case "-i", "--interactive":
                invocation.staysInteractive = true
            case "-e", "--eval":
                guard let text = remaining.popFirst() else {
                    throw UsageError(message: "\(argument) needs the code to run")
                }
                code.append(text)
            default:
                if argument.hasPrefix("--eval=") {
                    code.append(String(argument.dropFirst("--eval=".count)))
                } else {
                    throw UsageError(message: "unknown option '\(argument)'")
                }
            }
        }

        if mustRunFile && script == nil {
            throw UsageError(message: "'run' needs a script file")
        }
        if mustRunFile && !code.isEmpty {
            throw UsageError(message: "'run' takes a script file, not -e")
        }
        if let script {
            invocation.action = .runFile(path: script)
        } else if !code.isEmpty {
            invocation.action = .evaluate(code: code.joined(separator: "\n"))
        }
        return invocation
    }

    /// The arguments after `report`: `[-o DIR] FILE [ARGS...]`. `-o`/`--output` is
    /// recognised before and after the file; other options only before it; `--` ends
    /// option reading.
    private static func parseReport(_ arguments: ArraySlice<String>) throws(UsageError) -> Invocation {
        var remaining = arguments
        var script: String?
        var directory: String?
        var scriptArguments: [String] = []
        var optionsEnded = false
        while let argument = remaining.popFirst() {
            if !optionsEnded {
                if argument == "--" {
                    optionsEnded = true
                    continue
                }
                if argument == "-o" || argument == "--output" {
                    guard let path = remaining.popFirst(), !path.isEmpty else {
                        throw UsageError(message: "\(argument) needs a directory")
                    }
                    directory = path
                    continue
                }
                if argument.hasPrefix("--output=") {
                    let path = String(argument.dropFirst("--output=".count))
                    guard !path.isEmpty else { throw UsageError(message: "--output needs a directory") }
                    directory = path
                    continue
                }
                if script == nil && (argument == "-h" || argument == "--help") {
                    return Invocation(action: .help)
                }
                if script == nil && argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "unknown option '\(argument)' for 'report'")
                }
            }
            if script == nil {
                guard argument != "-" else {
                    throw UsageError(message: "'report' needs a script file; it cannot read standard input")
                }
                script = argument
            } else {
                scriptArguments.append(argument)
            }
        }
        guard let script else { throw UsageError(message: "'report' needs a script file") }
        var invocation = Invocation(action: .report(path: script, outputDirectory: directory))
        invocation.scriptArguments = scriptArguments
        return invocation
    }

    /// `--record PATH` or `--record=PATH`: returns the path, or nil for any other argument.
    private static func recordOption(
        _ argument: String, _ remaining: inout ArraySlice<String>
    ) throws(UsageError) -> String? {
        if argument == "--record" {
            guard let path = remaining.popFirst(), !path.isEmpty else {
                throw UsageError(message: "--record needs an output file")
            }
            return path
        }
        if argument.hasPrefix("--record=") {
            let path = String(argument.dropFirst("--record=".count))
            guard !path.isEmpty else { throw UsageError(message: "--record needs an output file") }
            return path
        }
        return nil
    }
}
