// The frame around plots and histograms: tick labels left of the drawing, the y axis with
// its ticks, the x axis below with its ticks, and the x tick labels under it.

extension TerminalRenderer {
    /// The characters of the axes.
    struct AxisGlyphs {
        let vertical: Character, yTick: Character, corner: Character, horizontal: Character, xTick: Character

        init(unicode: Bool) {
            if unicode {
                (vertical, yTick, corner, horizontal, xTick) = ("│", "┤", "└", "─", "┬")
            } else {
                (vertical, yTick, corner, horizontal, xTick) = ("|", "+", "+", "-", "+")
            }
        }
    }

    /// The character row (0 at the top) of a point at fraction `f` of the height, for a
    /// drawing of `rows` rows with `sub` steps per row.
    static func row(at f: Double, rows: Int, sub: Int) -> Int {
        let steps = Double(rows * sub - 1)
        let y = ((1 - f) * steps).rounded()
        guard y.isFinite else { return 0 }
        return min(rows - 1, max(0, Int(max(-1, min(steps + 1, y))) / sub))
    }

    /// The character column of a point at fraction `f` of the width, for a drawing of
    /// `columns` columns with `sub` steps per column.
    static func column(at f: Double, columns: Int, sub: Int) -> Int {
        let steps = Double(columns * sub - 1)
        let x = (f * steps).rounded()
        guard x.isFinite else { return 0 }
        return min(columns - 1, max(0, Int(max(-1, min(steps + 1, x))) / sub))
    }

    /// The line of x tick labels, each centred under its column (shifted to stay inside
    /// `total` columns), or nil when two labels would come closer than one space and
    /// `strict`; when not strict, labels that would collide are left out.
    static func xLabelLine(_ ticks: [(column: Int, label: String)], offset: Int, total: Int, strict: Bool) -> Line? {
        var line: Line = []
        var free = 0
        for (column, label) in ticks {
            let text = cells(label)
            let w = text.count
            var start = offset + column - (w - 1) / 2
            start = max(0, min(start, total - w))
            if start < free {
                if strict { return nil }
                continue
            }
            overlay(text, onto: &line, at: start)
            free = start + w + 1
        }
        return line
    }

    /// The rows of a framed drawing: `body` rows with the y axis and labels at their left,
    /// then the x axis with tick marks and the line of x tick labels.
    static func framed(body: [Line], yTicks: [(row: Int, label: String)], labelWidth: Int,
                       xTickColumns: [Int], xLabels: Line, caps: TerminalCapabilities) -> [Line] {
        let glyphs = AxisGlyphs(unicode: caps.unicode)
        var labelAt: [Int: String] = [:]
        for t in yTicks where labelAt[t.row] == nil { labelAt[t.row] = t.label }
        var out: [Line] = []
        for (r, cellsOfRow) in body.enumerated() {
            let label = fitted(cells(labelAt[r] ?? ""), width: labelWidth, align: .right)
            let axis = Cell(labelAt[r] == nil ? glyphs.vertical : glyphs.yTick)
            out.append(label + [axis] + cellsOfRow)
        }
        let width = body.first?.count ?? 0
        var axis = Array(repeating: Cell(glyphs.horizontal), count: width)
        for c in xTickColumns where c >= 0 && c < width { axis[c] = Cell(glyphs.xTick) }
        out.append(Array(repeating: .blank, count: labelWidth) + [Cell(glyphs.corner)] + axis)
        out.append(xLabels)
        return out
    }

    /// `text` broken at spaces into lines of at most `width` columns (long words are cut).
    static func wrapped(_ text: String, width: Int, unicode: Bool) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in sanitized(text).split(separator: " ") {
            let w = String(word)
            if current.isEmpty {
                current = w
            } else if columns(of: current) + 1 + columns(of: w) <= width {
                current += " " + w
            } else {
                lines.append(current); current = w
            }
            while columns(of: current) > width {
                lines.append(truncated(current, to: width, unicode: unicode))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `content` under its title, which is centred over it (bold when colour is on).
    static func titled(_ title: String?, _ content: [Line], caps: TerminalCapabilities) -> [Line] {
        guard let title else { return content }
        let contentWidth = content.map { columns(of: $0) }.max() ?? 0
        let width = min(max(1, caps.width), max(contentWidth, columns(of: sanitized(title))))
        return [textLine(title, width: width, caps: caps, align: .centre, bold: true)] + content
    }

    /// Note lines under a figure, wrapped to the width.
    static func noteLines(_ notes: [String], caps: TerminalCapabilities) -> [Line] {
        notes.flatMap { wrapped("note: " + $0, width: max(1, caps.width), unicode: caps.unicode).map { cells($0) } }
    }
}
