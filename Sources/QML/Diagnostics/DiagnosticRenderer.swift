import Display

/// Turns diagnostics into the text users see:
///
///     script.qml:3:9: error: division by zero
///        3 | let y = x / 0
///          |         ^~~~~
///       = hint: ...
///     traceback (most recent call last): ...
public struct DiagnosticRenderer {
    public var style: TerminalStyle

    public init(style: TerminalStyle) { self.style = style }

    /// The full text of a diagnostic and the ones related to it, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        var out = renderOne(d)
        for r in d.related { out += renderOne(r) }
        return out
    }

    private func renderOne(_ d: Diagnostic) -> String {
        var out = ""
        let head = d.span.map { "\($0.location): " } ?? ""
        out += style.paint(head, "1") + style.paint("error:", "1;31") + " " + style.paint(d.message, "1") + "\n"
        if let span = d.span {
            out += sourceExcerpt(span)
        }
        if let hint = d.hint {
            out += "  = " + style.paint("hint:", "1;36") + " " + hint + "\n"
        }
        if !d.traceback.isEmpty {
            out += "traceback (most recent call last):\n"
            out += tracebackLines(d.traceback.reversed())
        }
        return out
    }

    /// One line per call, outermost first; runs of the same call (deep recursion) are
    /// shown three times and then counted.
    private func tracebackLines(_ frames: some Sequence<Diagnostic.Frame>) -> String {
        var out = ""
        var previous: String?
        var repeats = 0
        func flush() {
            if repeats > 3 { out += "  ... the same call \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")\n" }
        }
        for frame in frames {
            let line = "  \(frame.span?.location ?? "?"): in a call to \(frame.function)\n"
            if line == previous {
                repeats += 1
                if repeats <= 3 { out += line }
                continue
            }
            flush()
            previous = line
            repeats = 1
            out += line
        }
        flush()
        return out
    }

    /// The line of the span with a caret under its first character and tildes under the
    /// rest; very long lines are cut to a window around the span.
    private func sourceExcerpt(_ span: Span) -> String {
        let (line, fullColumn) = span.file.position(of: span.start)
        var text = span.file.line(line)
        var column = fullColumn
        if text.count > 120 {
            let from = max(0, column - 60)
            let chars = Array(text)
            let to = min(chars.count, from + 110)
            text = (from > 0 ? "..." : "") + String(chars[from..<to]) + (to < chars.count ? "..." : "")
            column = column - from + (from > 0 ? 3 : 0)
        }
        let endPos = span.file.position(of: span.end)
        let lastColumn = endPos.line == line ? min(endPos.column - fullColumn + column, text.count + 1) : text.count + 1
        let width = max(1, lastColumn - column)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let visibleText = text.map { $0 == "\t" ? " " : $0 }
        var out = " \(gutter) | " + String(visibleText) + "\n"
        let marker = "^" + String(repeating: "~", count: max(0, width - 1))
        out += " \(pad) | " + String(repeating: " ", count: max(0, column - 1)) + style.paint(marker, "1;32") + "\n"
        return out
    }
}

/// Edit distance, used to suggest the name a user probably meant.
public enum Suggestions {
    /// Levenshtein distance between two strings.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that scales with the name's length, if any.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = name.count <= 2 ? (name.count == 2 ? 1 : 0) : (name.count <= 4 ? 1 : (name.count <= 8 ? 2 : 3))
        guard limit > 0 else { return nil }
        var best: (String, Int)?
        for c in candidates where c != name {
            if name.count == 2, c.first != name.first { continue }
            let d = distance(name.lowercased(), c.lowercased())
            guard d <= limit else { continue }
            if let (bestName, bestDistance) = best {
                if d < bestDistance || (d == bestDistance && c < bestName) { best = (c, d) }
            } else {
                best = (c, d)
            }
        }
        return best?.0
    }

    /// "did you mean `x`?" or nil.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String? {
        closest(to: name, in: candidates).map { "did you mean `\($0)`?" }
    }
}
