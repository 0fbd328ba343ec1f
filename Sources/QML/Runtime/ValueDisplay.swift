/// How values are written: `print` form, REPL form, and the quoted form used inside
/// collections.
public enum ValueFormatter {
    /// The shortest text that reads back as the same float: `1.5`, `12.0`, `1e-06`.
    public static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    }

    /// A string as a literal, with quotes and escapes.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "{": out += "\\{"
            case "}": out += "\\}"
            default:
                if ch.value < 32 { out += "\\u{\(String(ch.value, radix: 16))}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if !(first == "_" || first.properties.isAlphabetic) { return false }
        if keywords[s] != nil { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ($0.value >= 48 && $0.value <= 57) }
    }

    /// `print`'s form: strings raw, everything else as `describe`.
    public static func printed(_ v: Value) -> String {
        if case .string(let s) = v { return s.value }
        if case .object(let o) = v, o.printsAsDisplay { return o.display }
        return describe(v)
    }

    /// The display form; strings quoted. `limit` caps how many elements of a
    /// collection are written (the rest are summarised).
    public static func describe(_ v: Value, limit: Int = Int.max) -> String {
        var out = ""
        write(v, into: &out, limit: limit, depth: 0)
        return out
    }

    private static func write(_ v: Value, into out: inout String, limit: Int, depth: Int) {
        if depth > 64 { out += "..."; return }
        switch v {
        case .null: out += "nil"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += float(d)
        case .string(let s): out += quoted(s.value)
        case .list(let items):
            out += "["
            writeItems(items, into: &out, limit: limit, depth: depth)
            out += "]"
        case .tuple(let items):
            out += "("
            writeItems(items, into: &out, limit: limit, depth: depth)
            if items.count == 1 { out += "," }
            out += ")"
        case .record(let r):
            out += "{"
            for i in 0..<r.count {
                if i > 0 { out += ", " }
                if i >= limit { out += "... (\(r.count - i) more)"; break }
                let k = r.keys[i]
                if case .string(let s) = k, isIdentifier(s.value) { out += s.value } else { write(k, into: &out, limit: limit, depth: depth + 1) }
                out += ": "
                write(r.values[i], into: &out, limit: limit, depth: depth + 1)
            }
            out += "}"
        case .range(let r):
            if r.step == 1 {
                out += "\(r.lower)\(r.inclusive ? "..." : "..<")\(r.upper)"
            } else {
                out += "range(\(r.lower), \(r.inclusive ? r.upper + (r.step > 0 ? 1 : -1) : r.upper), \(r.step))"
            }
        case .closure(let c): out += "<fn \(c.proto.name)>"
        case .builtin(let b): out += "<builtin \(b.name)>"
        case .object(let o): out += o.summary
        case .cell(let c): write(c.value, into: &out, limit: limit, depth: depth + 1)
        }
    }

    private static func writeItems(_ items: [Value], into out: inout String, limit: Int, depth: Int) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            if i >= limit { out += "... (\(items.count - i) more)"; return }
            write(item, into: &out, limit: limit, depth: depth + 1)
        }
    }
}

extension Value: CustomStringConvertible {
    public var description: String { ValueFormatter.describe(self) }
}
