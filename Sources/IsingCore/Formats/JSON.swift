/// A JSON value that remembers where it started in its file, so that loaders can say
/// which line and column a bad value is on. Objects keep their keys in file order and
/// numbers keep their text, so integers of any size and doubles convert exactly.
public struct JSONNode: Sendable {
    /// The JSON value itself.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number as written (also `NaN`, `Infinity`, `-Infinity`, which Python writes).
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    /// What the node holds.
    public var value: Value
    /// 1-based line and column of the value's first character (0 for built values).
    public var line: Int
    /// 1-based column (in characters) of the value's first character.
    public var column: Int

    /// A node; built values (for writing) have no position.
    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The member of an object with this key (the first one, if repeated).
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short description of the value's kind, for error messages.
    public var kind: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let t): return "the number \(t)"
        case .string(let s): return "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as a `Double` when it is a number.
    public var double: Double? {
        guard case .number(let t) = value else { return nil }
        switch t {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(t)
        }
    }

    /// The value as an `Int` when it is an integral number that fits.
    public var int: Int? {
        guard case .number(let t) = value else { return nil }
        if let i = Int(t) { return i }
        guard let d = double, d.rounded() == d, d.magnitude < 9.2e18 else { return nil }
        return Int(d)
    }

    /// The value as a `String` when it is a JSON string.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The elements when the value is an array.
    public var array: [JSONNode]? {
        if case .array(let xs) = value { return xs }
        return nil
    }

    /// Whether the value is an object.
    public var isObject: Bool {
        if case .object = value { return true }
        return false
    }
}

/// A small JSON reader and writer. The reader accepts standard JSON plus the `NaN`,
/// `Infinity` and `-Infinity` that Python's `json` module writes; the writer lays text
/// out exactly as Python's `json.dumps` does with its default settings (`", "` and
/// `": "` separators, non-ASCII characters escaped, floats in `repr` form), so a file
/// qrepl writes is byte-for-byte what dimod writes for the same object.
public enum JSON {
    // MARK: Reading

    /// Parses one JSON document. `name` (usually the file path) starts every error
    /// message, followed by the line and column: `model.json:1:17: expected ...`.
    public static func parse(_ text: String, name: String) throws -> JSONNode {
        var parser = Parser(bytes: Array(text.utf8), name: name)
        parser.skipSpace()
        let node = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.position < parser.bytes.count {
            throw parser.error("expected the end of the document, found \(parser.peekText())")
        }
        return node
    }

    private struct Parser {
        let bytes: [UInt8]
        let name: String
        var position = 0
        var line = 1
        var lineStart = 0
        /// Where `columnHere()` last counted to on the current line, so that counting the
        /// columns of every value on a long line takes linear time.
        var counted = (lineStart: 0, position: 0, column: 1)

        init(bytes: [UInt8], name: String) {
            self.bytes = bytes
            self.name = name
        }

        var column: Int {
            // Columns count characters, not bytes.
            var c = 1
            var k = lineStart
            while k < position {
                if bytes[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }

        /// `column`, counting on from the last value's column when on the same line.
        mutating func columnHere() -> Int {
            if counted.lineStart != lineStart || counted.position > position { counted = (lineStart, lineStart, 1) }
            var c = counted.column, k = counted.position
            while k < position {
                if bytes[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            counted = (lineStart, position, c)
            return c
        }

        func error(_ message: String) -> IsingError {
            IsingError("\(name):\(line):\(column): \(message)")
        }

        func peekText() -> String {
            guard position < bytes.count else { return "the end of the file" }
            var end = position
            while end < bytes.count, end - position < 12, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return "`" + String(decoding: bytes[position..<end], as: UTF8.self) + "`"
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
                case UInt8(ascii: "\n"):
                    position += 1
                    line += 1
                    lineStart = position
                default: return
                }
            }
        }

        mutating func expect(_ c: UInt8, _ what: String) throws {
            guard position < bytes.count, bytes[position] == c else { throw error("expected \(what), found \(peekText())") }
            position += 1
        }

        mutating func value(depth: Int) throws -> JSONNode {
            guard depth < 512 else { throw error("nesting is too deep") }
            let startLine = line, startColumn = columnHere()
            guard position < bytes.count else { throw error("expected a value, found the end of the file") }
            let value: JSONNode.Value
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: String, value: JSONNode)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                } else {
                    while true {
                        skipSpace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                            throw error("expected a key in double quotes, found \(peekText())")
                        }
                        let key = try string()
                        skipSpace()
                        try expect(UInt8(ascii: ":"), "`:` after the key")
                        skipSpace()
                        members.append((key, try self.value(depth: depth + 1)))
                        skipSpace()
                        if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                        try expect(UInt8(ascii: "}"), "`,` or `}` in the object")
                        break
                    }
                }
                value = .object(members)
            case UInt8(ascii: "["):
                position += 1
                var items: [JSONNode] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                } else {
                    while true {
                        skipSpace()
                        items.append(try self.value(depth: depth + 1))
                        skipSpace()
                        if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                        try expect(UInt8(ascii: "]"), "`,` or `]` in the array")
                        break
                    }
                }
                value = .array(items)
            case UInt8(ascii: "\""):
                value = .string(try string())
            default:
                if let word = try keyword() {
                    value = word
                } else {
                    value = .number(try number())
                }
            }
            return JSONNode(value, line: startLine, column: startColumn)
        }

        mutating func keyword() throws -> JSONNode.Value? {
            let words: [(String, JSONNode.Value)] = [
                ("true", .bool(true)), ("false", .bool(false)), ("null", .null),
                ("NaN", .number("NaN")), ("Infinity", .number("Infinity")), ("-Infinity", .number("-Infinity")),
            ]
            for (text, v) in words {
                let u = Array(text.utf8)
                if position + u.count <= bytes.count, Array(bytes[position..<(position + u.count)]) == u {
                    position += u.count
                    return v
                }
            }
            return nil
        }

        mutating func number() throws -> String {
            let start = position
            let digit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            let intStart = position
            while position < bytes.count, digit(bytes[position]) { position += 1 }
            if position == intStart {
                position = start
                throw error("expected a value, found \(peekText())")
            }
            if bytes[intStart] == UInt8(ascii: "0"), position - intStart > 1 {
                position = start
                throw error("expected a number without leading zeros, found \(peekText())")
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                let f = position
                while position < bytes.count, digit(bytes[position]) { position += 1 }
                if position == f { throw error("expected digits after the decimal point, found \(peekText())") }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                let e = position
                while position < bytes.count, digit(bytes[position]) { position += 1 }
                if position == e { throw error("expected digits in the exponent, found \(peekText())") }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[position]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("expected four hex digits after \\u, found \(peekText())")
                }
                v = v * 16 + d
                position += 1
            }
            return v
        }

        mutating func string() throws -> String {
            position += 1 // opening quote
            var out: [UInt8] = []
            while true {
                guard position < bytes.count else { throw error("expected `\"` to close the string, found the end of the file") }
                let c = bytes[position]
                switch c {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { throw error("expected an escape after `\\`") }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(e)
                    case UInt8(ascii: "\\"): out.append(e)
                    case UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), position + 6 <= bytes.count,
                           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                            let save = position
                            position += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                position = save
                            }
                        }
                        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(s)).utf8))
                    default:
                        position -= 2
                        throw error("expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found \(peekText())")
                    }
                case 0..<0x20:
                    throw error("expected `\"` to close the string before the end of the line")
                default:
                    out.append(c)
                    position += 1
                }
            }
        }
    }

    // MARK: Writing

    /// The text Python's `json.dumps(value)` produces for the same value.
    public static func write(_ node: JSONNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: JSONNode, into out: inout String) {
        switch node.value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let t): out += t
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (k, member) in members.enumerated() {
                if k > 0 { out += ", " }
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        out += "\""
    }

    /// A JSON number for a `Double` as Python writes a float (`1.0`, `1e-05`, `NaN`).
    public static func number(_ x: Double) -> JSONNode {
        if x.isNaN { return JSONNode(.number("NaN")) }
        if x.isInfinite { return JSONNode(.number(x < 0 ? "-Infinity" : "Infinity")) }
        return JSONNode(.number(NumberText.pythonRepr(x)))
    }

    /// A JSON number for a `Double` as dimod writes array data: integral values as
    /// exact integers (`-2`), the rest as floats.
    public static func arrayNumber(_ x: Double) -> JSONNode {
        if x.isFinite, x.rounded() == x { return JSONNode(.number(NumberText.exactInteger(x))) }
        return number(x)
    }

    /// A JSON integer.
    public static func integer(_ i: Int) -> JSONNode { JSONNode(.number(String(i))) }
    /// A JSON string.
    public static func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
    /// A JSON array.
    public static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }
    /// A JSON object with its members in the given order.
    public static func object(_ members: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(members.map { (key: $0.0, value: $0.1) }))
    }
}
