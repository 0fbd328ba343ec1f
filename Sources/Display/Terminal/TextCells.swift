// The renderers build their output as lines of cells (a character with optional colours);
// `emit` turns them into text for a colour depth, cutting every line to the width.

extension TerminalRenderer {
    /// A colour, converted to escape codes for the colour depth on output.
    enum Paint: Hashable {
        case rgb(UInt8, UInt8, UInt8)
        /// A grey level 0...255; 256-colour output uses the 232–255 grey ramp.
        case grey(UInt8)
        /// A colour with a chosen 256-colour stand-in (for colour maps, whose nearest
        /// 256-colour matches would wander in hue).
        case mapped(UInt8, UInt8, UInt8, xterm: UInt8)
    }

    /// One character position of the output.
    struct Cell: Equatable {
        var char: Character
        var fg: Paint?
        var bg: Paint?
        var bold: Bool

        init(_ char: Character, fg: Paint? = nil, bg: Paint? = nil, bold: Bool = false) {
            self.char = char; self.fg = fg; self.bg = bg; self.bold = bold
        }

        static let blank = Cell(" ")
    }

    typealias Line = [Cell]

    // MARK: Text

    /// `text` as cells, control characters replaced so they cannot upset the terminal.
    static func cells(_ text: String, fg: Paint? = nil, bold: Bool = false) -> Line {
        sanitized(text).map { Cell($0, fg: fg, bold: bold) }
    }

    /// `text` with tabs and newlines turned into spaces and other control characters into "?".
    static func sanitized(_ text: String) -> String {
        var out = ""
        for ch in text {
            if let first = ch.unicodeScalars.first, isControl(first) {
                out.append(first == "\t" || first == "\n" || first == "\r" ? " " : "?")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// How many terminal columns `ch` takes: 2 for East Asian wide characters and emoji.
    static func columns(of ch: Character) -> Int {
        guard let s = ch.unicodeScalars.first else { return 0 }
        let v = s.value
        if v < 0x1100 { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        if wide.contains(where: { $0.contains(v) }) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The number of terminal columns `text` takes.
    static func columns(of text: String) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    /// The number of terminal columns `line` takes.
    static func columns(of line: Line) -> Int {
        line.reduce(0) { $0 + columns(of: $1.char) }
    }

    /// The ellipsis that marks truncated text.
    static func ellipsis(unicode: Bool) -> String { unicode ? "…" : "..." }

    /// `text` cut to at most `width` columns, ending in an ellipsis when something was cut.
    static func truncated(_ text: String, to width: Int, unicode: Bool) -> String {
        guard width > 0 else { return "" }
        if columns(of: text) <= width { return text }
        let mark = ellipsis(unicode: unicode)
        let markWidth = columns(of: mark)
        let room = width > markWidth ? width - markWidth : width
        var out = ""
        var used = 0
        for ch in text {
            let w = columns(of: ch)
            if used + w > room { break }
            out.append(ch); used += w
        }
        return width > markWidth ? out + mark : out
    }

    /// `line` padded with spaces (or cut) to exactly `width` columns, placed left, right or centred.
    static func fitted(_ line: Line, width: Int, align: Alignment) -> Line {
        let width = max(0, width)
        var line = line
        var w = columns(of: line)
        while w > width, let last = line.popLast() { w -= columns(of: last.char) }
        let spare = width - w
        let left: Int
        switch align {
        case .left: left = 0
        case .right: left = spare
        case .centre: left = spare / 2
        }
        return Array(repeating: .blank, count: left) + line + Array(repeating: .blank, count: spare - left)
    }

    enum Alignment { case left, right, centre }

    /// Writes `source` into `line` starting at column `start` (cells, one column each),
    /// growing the line with blanks as needed.
    static func overlay(_ source: Line, onto line: inout Line, at start: Int) {
        guard start >= 0 else { return }
        if line.count < start + source.count {
            line += Array(repeating: .blank, count: start + source.count - line.count)
        }
        for (i, cell) in source.enumerated() { line[start + i] = cell }
    }

    /// Lines holding `text` (a title, a note) centred or left in `width`, cut to fit.
    static func textLine(_ text: String, width: Int, caps: TerminalCapabilities, align: Alignment = .left, bold: Bool = false) -> Line {
        let t = truncated(sanitized(text), to: width, unicode: caps.unicode)
        let line = cells(t, bold: bold && caps.colour != .none)
        return align == .centre ? fitted(line, width: width, align: .centre) : line
    }

    // MARK: Output

    /// The text of `lines` for `caps`: each line cut to the width, trailing blank cells
    /// dropped, colours written as ANSI escapes (none for colour depth `.none`).
    static func emit(_ lines: [Line], _ caps: TerminalCapabilities) -> String {
        let limit = max(1, caps.width)
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            var cut: Line = []
            var used = 0
            for cell in line {
                let w = columns(of: cell.char)
                if used + w > limit { break }
                cut.append(cell); used += w
            }
            while let last = cut.last, last.char == " ", last.bg == nil || caps.colour == .none { cut.removeLast() }
            out.append(text(of: cut, depth: caps.colour))
        }
        return out.joined(separator: "\n")
    }

    private static func text(of line: Line, depth: TerminalCapabilities.ColourDepth) -> String {
        var s = ""
        guard depth != .none else {
            for cell in line { s.append(cell.char) }
            return s
        }
        var current = ""
        for cell in line {
            var codes: [String] = []
            if cell.bold { codes.append("1") }
            if let fg = cell.fg { codes.append(sgr(fg, background: false, depth: depth)) }
            if let bg = cell.bg { codes.append(sgr(bg, background: true, depth: depth)) }
            let style = codes.joined(separator: ";")
            if style != current {
                if style.isEmpty {
                    s += "\u{1B}[0m"
                } else {
                    s += current.isEmpty ? "\u{1B}[\(style)m" : "\u{1B}[0;\(style)m"
                }
                current = style
            }
            s.append(cell.char)
        }
        if !current.isEmpty { s += "\u{1B}[0m" }
        return s
    }

    /// The SGR parameters that set `paint` as foreground or background colour.
    static func sgr(_ paint: Paint, background: Bool, depth: TerminalCapabilities.ColourDepth) -> String {
        let lead = background ? "48" : "38"
        switch (paint, depth) {
        case (.rgb(let r, let g, let b), .truecolor):
            return "\(lead);2;\(r);\(g);\(b)"
        case (.grey(let l), .truecolor):
            return "\(lead);2;\(l);\(l);\(l)"
        case (.mapped(let r, let g, let b, _), .truecolor):
            return "\(lead);2;\(r);\(g);\(b)"
        case (.mapped(_, _, _, let index), _):
            return "\(lead);5;\(index)"
        case (.rgb(let r, let g, let b), _):
            return "\(lead);5;\(xterm256(r, g, b))"
        case (.grey(let l), _):
            return "\(lead);5;\(232 + Int((Double(l) / 255 * 23).rounded()))"
        }
    }

    /// The xterm 256-colour index nearest to an RGB colour (from the 6×6×6 cube or the grey ramp).
    static func xterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearest(_ v: Int) -> Int {
            var best = 0
            for i in 1..<levels.count where abs(levels[i] - v) < abs(levels[best] - v) { best = i }
            return best
        }
        let (ri, gi, bi) = (nearest(Int(r)), nearest(Int(g)), nearest(Int(b)))
        func distance(_ a: (Int, Int, Int)) -> Int {
            let (dr, dg, db) = (a.0 - Int(r), a.1 - Int(g), a.2 - Int(b))
            return dr * dr + dg * dg + db * db
        }
        let cube = (levels[ri], levels[gi], levels[bi])
        let mean = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (mean - 8 + 5) / 10))
        let greyValue = 8 + 10 * greyIndex
        if distance((greyValue, greyValue, greyValue)) < distance(cube) { return 232 + greyIndex }
        return 16 + 36 * ri + 6 * gi + bi
    }
}
