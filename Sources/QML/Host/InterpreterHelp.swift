import Foundation
import IsingCore

extension Interpreter {
    /// Help text for a builtin, a user function, a keyword or a REPL topic; with no
    /// topic, an overview of every builtin grouped by topic. Nil when unknown.
    public func help(topic: String?) -> String? {
        guard let topic, !topic.isEmpty else { return overview() }
        if let b = registry.builtins.last(where: { $0.name == topic }) {
            let doc = b.doc.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            return "\(b.signature)\n\(doc)"
        }
        if let c = registry.constants.first(where: { $0.name == topic }) {
            return "\(c.name) = \(ValueFormatter.describe(c.value))\n  \(c.doc)"
        }
        if let v = global(topic) {
            switch v {
            case .closure(let c):
                return "\(c.proto.signature)\n  defined at \(c.proto.span.location)"
            case .object(let o):
                return "\(topic): \(o.typeName)\n  members: \(o.memberNames.joined(separator: ", "))"
            default:
                return "\(topic): \(v.typeName) = \(ValueFormatter.describe(v, limit: 10))"
            }
        }
        if let text = Interpreter.keywordHelp[topic] { return text }
        return nil
    }

    /// Help for the language's keywords.
    static let keywordHelp: [String: String] = [
        "let": "let name = value\n  Declares a constant. `let (a, b) = pair` destructures a tuple.",
        "var": "var name = value\n  Declares a variable that may be reassigned: name = new_value, name += 1.",
        "fn": "fn name(a, b: default) { body }\n  Declares a function; the last expression is its value. Parameters with defaults are passed by keyword: name(1, b: 2).",
        "if": "if condition { ... } else { ... }\n  An expression: let sign = if x > 0 { 1 } else { -1 }.",
        "for": "for x in xs { ... }\n  Loops over a list, tuple, range (0..<n, 1...n), string, or record ((key, value) tuples).",
        "while": "while condition { ... }\n  Repeats while the condition is true; `break` and `continue` work inside.",
        "try": "try { ... } catch e { ... }\n  An expression: the block's value, or the handler's when an error was raised; e.message, e.location.",
        "import": "import \"path.qml\"\n  Runs a module once and makes its top-level names visible; looked up next to the importing file, then in stdlib/.",
        "return": "return value\n  Leaves the enclosing function with a value.",
    ]

    /// The reference of every builtin, prelude function and constant as Markdown,
    /// generated from their doc strings (this is docs/builtins.md).
    public func builtinReference() -> String {
        var out = "# Builtins\n\nGenerated from the doc strings by `qrepl --reference`; the same text is shown by `:help NAME`.\n"
        var byTopic: [String: [Builtin]] = [:]
        var seen = Set<String>()
        for b in registry.builtins.reversed() where !seen.contains(b.name) {
            seen.insert(b.name)
            byTopic[b.topic, default: []].append(b)
        }
        for topic in byTopic.keys.sorted() {
            out += "\n## \(topic)\n"
            for b in (byTopic[topic] ?? []).sorted(by: { $0.name < $1.name }) {
                out += "\n### `\(b.signature)`\n\n"
                let lines = b.doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                out += (lines.first ?? "") + "\n"
                let examples = lines.dropFirst().filter { !$0.isEmpty }
                if !examples.isEmpty { out += "\n```\n" + examples.joined(separator: "\n") + "\n```\n" }
            }
        }
        let prelude = globals.allNames.enumerated().compactMap { (i, name) -> (String, Closure)? in
            guard globals.isLibrary[i], case .closure(let c) = globals.values[i] else { return nil }
            return (name, c)
        }.sorted { $0.0 < $1.0 }
        if !prelude.isEmpty {
            out += "\n## prelude\n\nWritten in qml in `stdlib/prelude.qml`:\n\n"
            for (_, c) in prelude { out += "- `\(c.proto.signature)`\n" }
        }
        out += "\n## constants\n\n"
        for c in registry.constants { out += "- `\(c.name)` = \(ValueFormatter.describe(c.value)): \(c.doc)\n" }
        return out
    }

    private func overview() -> String {
        var byTopic: [String: [Builtin]] = [:]
        var seen = Set<String>()
        for b in registry.builtins.reversed() where !seen.contains(b.name) {
            seen.insert(b.name)
            byTopic[b.topic, default: []].append(b)
        }
        var out = "Builtins (`:help NAME` for details):\n"
        for topic in byTopic.keys.sorted() {
            out += "\n\(topic):\n"
            for b in (byTopic[topic] ?? []).sorted(by: { $0.name < $1.name }) {
                out += "  " + b.name.padding(toLength: max(b.name.count, 14), withPad: " ", startingAt: 0) + "  " + b.summary + "\n"
            }
        }
        let library = globals.allNames.enumerated().filter { globals.isLibrary[$0.offset] && !seen.contains($0.element) }
            .map(\.element).filter { name in name != "args" && name != "ans" && !registry.constants.contains { $0.name == name } }
        if !library.isEmpty { out += "\nprelude (written in qml): " + library.sorted().joined(separator: ", ") + "\n" }
        out += "\nconstants: " + registry.constants.map(\.name).joined(separator: ", ") + "\n"
        out += "keywords: " + Interpreter.keywordHelp.keys.sorted().joined(separator: ", ") + "\n"
        return out
    }

    // MARK: - Completion

    /// Completions for the word before `cursor` (a byte offset into `line`): names and
    /// keywords, members after `.` of a global's value, file paths inside a string.
    public func complete(line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8)
        let end = max(0, min(cursor, bytes.count))
        // Inside a string literal: complete a file path.
        var inString = false
        var stringStart = 0
        var i = 0
        while i < end {
            if bytes[i] == 34 { inString.toggle(); stringStart = i + 1 }
            else if bytes[i] == 92, inString { i += 1 }
            i += 1
        }
        if inString {
            let partial = String(decoding: bytes[stringStart..<end], as: UTF8.self)
            return Completion(start: stringStart, candidates: Interpreter.completePath(partial))
        }
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b >= 0x80
        }
        var start = end
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        // After a dot: members of the value the name before it holds.
        if start > 0, bytes[start - 1] == 46 {
            var ownerStart = start - 1
            while ownerStart > 0, isWordByte(bytes[ownerStart - 1]) || bytes[ownerStart - 1] == 46 { ownerStart -= 1 }
            let path = String(decoding: bytes[ownerStart..<(start - 1)], as: UTF8.self).split(separator: ".").map(String.init)
            var names: [String] = []
            if let first = path.first, var v = global(first) {
                for step in path.dropFirst() {
                    if case .record(let r) = v, let next = r.get(step) { v = next } else { v = .null }
                }
                names = memberNames(of: v)
            }
            return Completion(start: start, candidates: names.filter { $0.hasPrefix(word) }.sorted())
        }
        let prefixText = String(decoding: bytes[0..<start], as: UTF8.self)
        if prefixText.trimmingCharacters(in: .whitespaces).isEmpty, line.hasPrefix(":") || (start > 0 && bytes[start - 1] == 58) {
            let commands = ["help", "type", "time", "load", "reload", "vars", "save", "quit"]
            return Completion(start: start, candidates: commands.filter { $0.hasPrefix(word) })
        }
        guard !word.isEmpty else { return Completion(start: start, candidates: []) }
        var names = Set(globals.allNames.filter { $0.hasPrefix(word) })
        for k in reservedWords where k.hasPrefix(word) { names.insert(k) }
        return Completion(start: start, candidates: names.sorted())
    }

    /// Names offered after `value.`.
    public func memberNames(of v: Value) -> [String] {
        switch v {
        case .record(let r): return r.stringKeys
        case .object(let o): return o.memberNames
        case .list: return ["append", "extend", "insert", "pop", "remove", "clear"]
        default: return []
        }
    }

    /// File names that complete a partial path.
    static func completePath(_ partial: String) -> [String] {
        let fm = FileManager.default
        let expanded = partial.hasPrefix("~/") ? NSHomeDirectory() + partial.dropFirst(1) : partial
        let dirPart: String, namePart: String
        if let slash = expanded.lastIndex(of: "/") {
            dirPart = String(expanded[...slash])
            namePart = String(expanded[expanded.index(after: slash)...])
        } else {
            dirPart = ""
            namePart = expanded
        }
        let listDir = dirPart.isEmpty ? "." : dirPart
        guard let entries = try? fm.contentsOfDirectory(atPath: listDir) else { return [] }
        let shownDir = partial.hasPrefix("~/") ? "~/" + dirPart.dropFirst(NSHomeDirectory().count + 1) : dirPart
        return entries.filter { $0.hasPrefix(namePart) && (!$0.hasPrefix(".") || namePart.hasPrefix(".")) }.sorted().map { name in
            var isDir: ObjCBool = false
            fm.fileExists(atPath: listDir + "/" + name, isDirectory: &isDir)
            return shownDir + name + (isDir.boolValue ? "/" : "")
        }
    }

    // MARK: - Run records

    /// The JSON run record written by `--record`: command, version, commit, times,
    /// seeds and every recorded figure.
    public func runRecordJSON(command: [String], startTime: Date, wallTime: Double) -> String {
        let formatter = ISO8601DateFormatter()
        var fields: [(String, String)] = [
            ("command", JSONText.array(command.map(JSONText.string))),
            ("version", JSONText.string(QMLVersion.version)),
            ("commit", QMLVersion.commit.map(JSONText.string) ?? "null"),
            ("start_time", JSONText.string(formatter.string(from: startTime))),
            ("wall_time_s", JSONText.number(wallTime)),
            ("seeds", JSONText.array(seedsUsed.map { String($0) })),
        ]
        let recorded = records.map { (name, value) in "    " + JSONText.string(name) + ": " + JSONText.value(value) }
        fields.append(("records", recorded.isEmpty ? "{}" : "{\n" + recorded.joined(separator: ",\n") + "\n  }"))
        return "{\n" + fields.map { "  " + JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }
}

/// Writing JSON text for run records and files other tools read.
public enum JSONText {
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    public static func number(_ d: Double) -> String {
        d.isFinite ? ValueFormatter.float(d) : "null"
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// A language value as JSON: records become objects (keys as text), tuples arrays.
    public static func value(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return number(d)
        case .string(let s): return string(s.value)
        case .list(let xs), .tuple(let xs): return array(xs.map(value))
        case .record(let r):
            let parts = (0..<r.count).map { string(ValueFormatter.printed(r.keys[$0])) + ": " + value(r.values[$0]) }
            return "{" + parts.joined(separator: ", ") + "}"
        case .range(let r): return array((0..<min(r.count, 1_000_000)).map { String(r.element($0)) })
        default: return string(ValueFormatter.printed(v))
        }
    }
}

/// The version of qrepl and the commit it was built from, when known.
public enum QMLVersion {
    public static let version = "0.1.0"

    /// The commit of the checkout the standard library lives in (read from `.git`).
    public static let commit: String? = {
        guard let stdlib = StandardLibrary.directory else { return nil }
        let root = URL(fileURLWithPath: stdlib).deletingLastPathComponent()
        let git = root.appendingPathComponent(".git")
        guard let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) else { return nil }
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("ref: ") else { return String(trimmed.prefix(12)) }
        let ref = String(trimmed.dropFirst(5))
        if let sha = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return String(sha.trimmingCharacters(in: .whitespacesAndNewlines).prefix(12))
        }
        if let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8) {
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                return String(line.prefix(12))
            }
        }
        return nil
    }()
}
