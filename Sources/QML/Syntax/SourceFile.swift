/// The text of one program (a file, a REPL input, an `-e` argument) with a line index,
/// so byte offsets can be turned into line:column positions and source lines shown.
public final class SourceFile: @unchecked Sendable {
    /// The name shown in diagnostics: a path, `<repl>`, `-e`, `<stdin>`.
    public let name: String
    /// The program text.
    public let text: String
    /// The UTF-8 bytes of `text`; offsets everywhere are into this array.
    public let bytes: [UInt8]
    /// Byte offset of the first character of each line.
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The 1-based line and column (counted in characters) of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let prefix = bytes[start..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (lo + 1, column)
    }

    /// The text of a 1-based line without its line break, or "" when out of range.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text between two byte offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// A range of bytes in a source file: where a token, node or error is.
public struct Span: Sendable {
    public let file: SourceFile
    public let start: Int
    public let end: Int

    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: Span) -> Span { Span(file: file, start: start, end: max(end, other.end)) }

    /// `name:line:column` of the start.
    public var location: String {
        let p = file.position(of: start)
        return "\(file.name):\(p.line):\(p.column)"
    }
}
