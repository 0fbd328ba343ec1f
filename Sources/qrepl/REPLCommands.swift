import Foundation
import QML

/// The session's `:` commands (`:help`, `:type`, `:time`, `:load`, `:reload`, `:cells`,
/// `:cell`, `:vars`, `:save`, `:quit`). A command may be shortened to any unambiguous
/// prefix (`:h`, `:q`). `:cells` and `:cell` live in CellsCommands.swift.
struct REPLCommands {
    /// The session the command acts on.
    let repl: REPL

    /// One command: its name, what it takes, and what it does.
    struct Command {
        let name: String
        let argument: String
        let summary: String
    }

    /// Every command, in the order `:help` lists them.
    static let all: [Command] = [
        Command(name: "help", argument: "[name]", summary: "help on a builtin or a command; without a name, an overview"),
        Command(name: "type", argument: "expr", summary: "the type of an expression"),
        Command(name: "time", argument: "expr", summary: "evaluate an expression and print how long it took"),
        Command(name: "load", argument: "file", summary: "run a script in this session; its names stay defined"),
        Command(name: "reload", argument: "", summary: "run the last loaded script again"),
        Command(name: "cells", argument: "file", summary: "list the #%% cells of a script (no file: the last one listed)"),
        Command(name: "cell", argument: "n", summary: "run cell n of the script last listed by :cells, read afresh"),
        Command(name: "vars", argument: "", summary: "list the variables defined in this session"),
        Command(name: "save", argument: "file", summary: "write the inputs that ran without error to a script"),
        Command(name: "quit", argument: "", summary: "leave the session (so do `quit`, `exit` and Ctrl-D)"),
    ]

    /// Runs a line that starts with `:`.
    func run(_ line: String) -> REPL.Next {
        let body = line.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = Self.resolve(name) else { return .keepGoing }
        switch command.name {
        case "help": help(argument)
        case "type": type(argument)
        case "time": time(argument)
        case "load": load(argument)
        case "reload": reload()
        case "cells": listCells(argument)
        case "cell": runCell(argument)
        case "vars": vars()
        case "save": save(argument)
        case "quit": return .quit
        default: break
        }
        return .keepGoing
    }

    /// The command `name` names exactly or by a unique prefix; otherwise explains why not.
    private static func resolve(_ name: String) -> Command? {
        if let command = command(named: name) { return command }
        let lowered = name.lowercased()
        let list = all.map { ":" + $0.name }.joined(separator: " ")
        let matches = all.filter { $0.name.hasPrefix(lowered) }
        if lowered.isEmpty {
            Console.error("a command name must follow ':'. Commands: \(list)\n")
        } else if matches.count > 1 {
            let names = matches.map { ":" + $0.name }.joined(separator: ", ")
            Console.error(":\(name) is ambiguous: \(names)\n")
        } else {
            Console.error("unknown command ':\(name)'. Commands: \(list) (:help for more)\n")
        }
        return nil
    }

    /// The command `name` (without the colon) names exactly or by a unique prefix, if any.
    static func command(named name: String) -> Command? {
        let lowered = name.lowercased()
        if lowered == "exit" || lowered == "q" { return all.first { $0.name == "quit" } }
        if let exact = all.first(where: { $0.name == lowered }) { return exact }
        let matches = all.filter { $0.name.hasPrefix(lowered) }
        return !lowered.isEmpty && matches.count == 1 ? matches[0] : nil
    }

    /// When `text` is a command that takes a file (`:load`, `:save`) followed by the
    /// start of its argument, that argument; otherwise nil. Used to complete paths.
    static func fileArgument(in text: String) -> String? {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.hasPrefix(":") else { return nil }
        let name = trimmed.dropFirst().prefix { !$0.isWhitespace }
        let rest = trimmed.dropFirst(1 + name.count)
        guard rest.first?.isWhitespace == true, let command = command(named: String(name)),
              command.argument == "file" else { return nil }
        return String(rest.drop { $0.isWhitespace })
    }

    // MARK: the commands

    private func help(_ topic: String) {
        if topic.isEmpty {
            Console.output(Self.overview + "\n")
            Console.output(repl.interpreter.help(topic: nil) ?? "")
            Console.finishPartialLine()
            return
        }
        let bare = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        let command = Self.all.first { $0.name == bare }
        if !topic.hasPrefix(":"), let text = repl.interpreter.help(topic: topic) {
            Console.output(text)
            Console.finishPartialLine()
        } else if let command {
            Console.output(Self.describe(command) + "\n")
        } else {
            Console.error("no help for '\(topic)'; :help lists what there is\n")
        }
    }

    private func type(_ expression: String) {
        guard !expression.isEmpty else { return usage("type") }
        Interrupts.acknowledge()
        switch repl.interpreter.typeOf(expression: expression) {
        case .value(let display): Console.output(display + "\n")
        case .nothing: Console.output("nothing\n")
        case .failure(let diagnostic): repl.report(diagnostic)
        }
        Interrupts.acknowledge()
    }

    private func time(_ expression: String) {
        guard !expression.isEmpty else { return usage("time") }
        let clock = ContinuousClock()
        let start = clock.now
        repl.evaluate(expression)
        Console.output("time: \(Self.format(clock.now - start))\n")
    }

    private func load(_ argument: String) {
        guard !argument.isEmpty else { return usage("load") }
        run(file: Paths.expandingTilde(Self.unquoted(argument)))
    }

    private func reload() {
        guard let file = repl.lastLoadedFile else {
            Console.error("nothing loaded yet; use :load FILE first\n")
            return
        }
        run(file: file)
    }

    private func vars() {
        let variables = repl.interpreter.variables()
        guard !variables.isEmpty else {
            Console.output("no variables defined yet\n")
            return
        }
        let nameWidth = variables.map(\.name.count).max() ?? 0
        let typeWidth = variables.map(\.type.count).max() ?? 0
        for variable in variables {
            let line = variable.name.padding(to: nameWidth + 2) + variable.type.padding(to: typeWidth + 2) + variable.summary
            Console.output(line + "\n")
        }
    }

    private func save(_ argument: String) {
        guard !argument.isEmpty else { return usage("save") }
        let path = Paths.expandingTilde(Self.unquoted(argument))
        let inputs = repl.transcript
        let text = inputs.isEmpty ? "" : inputs.joined(separator: "\n") + "\n"
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Console.output("saved \(inputs.count) input\(inputs.count == 1 ? "" : "s") to \(path)\n")
        } catch {
            Console.error("cannot write \(path): \(error.localizedDescription)\n")
        }
    }

    // MARK: helpers

    /// Runs a script file in the session, remembering it for `:reload` and `:save`.
    private func run(file path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Console.error("cannot open '\(path)': \(isDirectory.boolValue ? "it is a directory" : "no such file")\n")
            return
        }
        repl.lastLoadedFile = path
        Interrupts.acknowledge()
        switch repl.interpreter.runFile(path: path) {
        case .success:
            repl.appendToTranscript("import \(Self.stringLiteral(path))")
        case .failure(let diagnostic):
            repl.report(diagnostic)
        }
        Interrupts.acknowledge()
    }

    func usage(_ name: String) {
        if let command = Self.all.first(where: { $0.name == name }) {
            Console.error("usage: " + Self.describe(command) + "\n")
        }
    }

    /// `:name argument  summary`, aligned for the overview.
    private static func describe(_ command: Command) -> String {
        let head = ":" + command.name + (command.argument.isEmpty ? "" : " " + command.argument)
        return head.padding(to: 15) + command.summary
    }

    /// The commands and keys, shown by `:help` before the builtins.
    static var overview: String {
        var text = "Commands (any unambiguous prefix works, e.g. :h, :q):\n"
        for command in all { text += "  " + describe(command) + "\n" }
        text += """
            Keys:
              Tab            complete a name; press again to list the choices
              Up, Down       previous / next line from history (kept in ~/.qrepl_history)
              Ctrl-R         search the history as you type
              Ctrl-C         stop the running computation, or discard the line being typed
              Ctrl-D         quit (on an empty line)
            An input spanning several lines continues at the ...> prompt until it is complete.
            Expressions print their value after =>; it is also kept in `ans`.

            """
        return text
    }

    /// `text` without one pair of surrounding single or double quotes.
    static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// `text` as a qml string literal.
    static func stringLiteral(_ text: String) -> String {
        var literal = "\""
        for character in text {
            switch character {
            case "\\", "\"", "{", "}": literal += "\\\(character)"
            case "\n": literal += "\\n"
            case "\t": literal += "\\t"
            default: literal.append(character)
            }
        }
        return literal + "\""
    }

    /// A duration for people: `850 µs`, `12.3 ms`, `4.21 s`, `2 min 5.0 s`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        switch total {
        case ..<1e-3: return String(format: "%.0f µs", total * 1e6)
        case ..<1: return String(format: "%.3g ms", total * 1e3)
        case ..<60: return String(format: "%.3g s", total)
        default:
            let minutes = Int(total / 60)
            return String(format: "%d min %.1f s", minutes, total - Double(minutes) * 60)
        }
    }
}
