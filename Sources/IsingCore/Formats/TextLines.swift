import Foundation

/// Line-by-line reading of small text formats, shared by the COO, qbsolv and CSV readers.
struct TextLines {
    /// Lines without their terminators (`\n`, `\r\n` or `\r`), numbered from 1.
    static func split(_ text: String) -> [(number: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
        var number = 1
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            out.append((number, line))
            number += 1
        }
        return out
    }

    /// Fields separated by spaces or tabs.
    static func fields(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// A line shortened for quoting in an error message.
    static func quote(_ line: Substring) -> String {
        let t = line.trimmingCharacters(in: .whitespaces)
        return "`" + (t.count > 60 ? String(t.prefix(60)) + "…" : t) + "`"
    }
}
