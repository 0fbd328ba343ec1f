import Foundation

/// One field of a CSV table.
public enum CSVValue: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case text(String)

    /// The field as it is written in a CSV file (without quoting).
    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d): return NumberText.pythonRepr(d)
        case .text(let s): return s
        }
    }

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .text: return nil
        }
    }
}

/// A table with named columns, as read from or written to a CSV file.
public struct CSVTable: Sendable, Equatable {
    /// Column names, from the header row.
    public var columns: [String]
    /// One array per record, each with one value per column.
    public var rows: [[CSVValue]]

    /// A table whose rows must each have one value per column.
    public init(columns: [String], rows: [[CSVValue]] = []) throws {
        if let bad = rows.firstIndex(where: { $0.count != columns.count }) {
            throw IsingError("table row \(bad + 1) has \(rows[bad].count) values for \(columns.count) columns")
        }
        self.columns = columns
        self.rows = rows
    }

    /// The values of one column, by name.
    public func column(_ name: String) -> [CSVValue]? {
        guard let k = columns.firstIndex(of: name) else { return nil }
        return rows.map { $0[k] }
    }
}

/// CSV files (RFC 4180 with a header row): fields separated by commas, fields holding a
/// comma, a quote or a line break are quoted, and a quote inside quotes is doubled.
///
/// Reading: the first record names the columns; every later record must have as many
/// fields. An unquoted field that is a decimal integer becomes `.int`, one in decimal
/// float syntax (or `inf`, `nan`) `.double`, anything else `.text`; a quoted field is
/// always text, so `"12"` stays the string 12. Blank lines are skipped; `\n`, `\r\n` and
/// `\r` all end records. Writing mirrors that: numbers in shortest round-trip form, text
/// quoted whenever it would otherwise read back differently, lines ending in `\n`.
public enum CSV {
    /// Writes a table as CSV, atomically (temporary file, then rename).
    public static func save(_ table: CSVTable, to path: String) throws {
        try FileIO.writeAtomically(path, text: encode(table))
    }

    /// Reads a CSV file with a header row.
    public static func load(_ path: String) throws -> CSVTable {
        try decode(FileIO.readText(path), name: path)
    }

    /// The CSV text of a table.
    public static func encode(_ table: CSVTable) -> String {
        var out = ""
        out += table.columns.map { field(.text($0), alone: table.columns.count == 1, header: true) }.joined(separator: ",") + "\n"
        for row in table.rows {
            out += row.map { field($0, alone: row.count == 1, header: false) }.joined(separator: ",") + "\n"
        }
        return out
    }

    private static func field(_ value: CSVValue, alone: Bool, header: Bool) -> String {
        switch value {
        case .int(let i): return String(i)
        case .double(let d): return NumberText.pythonRepr(d)
        case .text(let s):
            let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                || (s.isEmpty && alone)
                || s.first?.isWhitespace == true || s.last?.isWhitespace == true
                || (!header && number(Substring(s)) != nil)
            return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
    }

    /// The number an unquoted field stands for, if any.
    private static func number(_ field: Substring) -> CSVValue? {
        if let i = NumberText.parseInt(field) { return .int(i) }
        if let d = NumberText.parseDouble(field, words: true) { return .double(d) }
        return nil
    }

    /// Reads CSV text with a header row. `name` starts every error message, followed by
    /// the line (and column, for quoting errors).
    public static func decode(_ text: String, name: String) throws -> CSVTable {
        var records: [(line: Int, fields: [CSVValue], raw: [String])] = []
        let chars = Array(text)
        var k = 0
        var line = 1, lineStart = 0
        while k < chars.count {
            // Skip blank lines between records.
            if chars[k] == "\n" || chars[k] == "\r" || chars[k] == "\r\n" {
                k += 1
                line += 1
                lineStart = k
                continue
            }
            let recordLine = line
            var values: [CSVValue] = []
            var raw: [String] = []
            while true {
                if k < chars.count, chars[k] == "\"" {
                    let openLine = line, openColumn = k - lineStart + 1
                    k += 1
                    var s = ""
                    while true {
                        guard k < chars.count else {
                            throw IsingError("\(name):\(openLine):\(openColumn): expected a closing `\"` for the field opened here, found the end of the file")
                        }
                        let c = chars[k]
                        if c == "\"" {
                            if k + 1 < chars.count, chars[k + 1] == "\"" { s.append("\""); k += 2; continue }
                            k += 1
                            break
                        }
                        if c == "\n" || c == "\r" || c == "\r\n" { line += 1; lineStart = k + 1 }
                        s.append(c)
                        k += 1
                    }
                    guard k >= chars.count || chars[k] == "," || chars[k] == "\n" || chars[k] == "\r" || chars[k] == "\r\n" else {
                        throw IsingError("\(name):\(line):\(k - lineStart + 1): expected `,` or the end of the line after a quoted field, found `\(chars[k])`")
                    }
                    values.append(.text(s))
                    raw.append(s)
                } else {
                    let start = k
                    while k < chars.count, chars[k] != ",", chars[k] != "\n", chars[k] != "\r", chars[k] != "\r\n" {
                        if chars[k] == "\"" {
                            throw IsingError("\(name):\(line):\(k - lineStart + 1): expected no `\"` inside an unquoted field (quote the whole field and double the quote)")
                        }
                        k += 1
                    }
                    let s = String(chars[start..<k])
                    let trimmed = Substring(s.trimmingCharacters(in: .whitespaces))
                    values.append(number(trimmed) ?? .text(s))
                    raw.append(s)
                }
                if k < chars.count, chars[k] == "," { k += 1; continue }
                break
            }
            records.append((recordLine, values, raw))
        }
        guard let header = records.first else {
            throw IsingError("\(name):1: expected a header row naming the columns, found an empty file")
        }
        let columns = header.raw
        var rows: [[CSVValue]] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw IsingError("\(name):\(record.line): expected \(columns.count) fields (as in the header), found \(record.fields.count)")
            }
            rows.append(record.fields)
        }
        return try CSVTable(columns: columns, rows: rows)
    }
}
