import Foundation

// Tables: aligned columns (numbers right, text left), a rule under the header, long cells
// cut with an ellipsis to fit the width, and long tables shortened to their first 20 and
// last 5 rows.

extension TerminalRenderer {
    /// Tables longer than this show only their head and tail.
    static let tableRowLimit = 40
    static let tableHead = 20
    static let tableTail = 5

    /// Whether `text` reads as a number (including nan and inf).
    static func isNumeric(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && Double(t) != nil
    }

    static func renderTable(_ table: Table, _ caps: TerminalCapabilities) -> [Line] {
        let width = max(1, caps.width)
        let gap = 2
        let columnCount = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        var out: [Line] = []
        guard columnCount > 0 else { return titled(table.title, [cells("(empty table)")], caps: caps) }
        func padded(_ row: [String]) -> [String] {
            row.prefix(columnCount).map(sanitized) + Array(repeating: "", count: max(0, columnCount - row.count))
        }
        let header = padded(table.columns)

        // Which rows are shown: all, or the head and tail around an ellipsis row (nil).
        var shown: [[String]?]
        let hidden = table.rows.count - tableHead - tableTail
        if table.rows.count > tableRowLimit {
            shown = table.rows.prefix(tableHead).map { padded($0) } + [nil] + table.rows.suffix(tableTail).map { padded($0) }
        } else {
            shown = table.rows.map { padded($0) }
        }
        let body = shown.compactMap { $0 }
        let numeric = (0..<columnCount).map { c in
            let values = table.rows.map { c < $0.count ? $0[c].trimmingCharacters(in: .whitespaces) : "" }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy(isNumeric)
        }

        // Natural widths, then the widest columns narrowed until the table fits.
        var widths = (0..<columnCount).map { c in max(columns(of: header[c]), body.map { columns(of: $0[c]) }.max() ?? 0) }
        let room = width - gap * (columnCount - 1)
        if widths.reduce(0, +) > room {
            // The largest cap on column widths that fits (at least one column each).
            var lo = 1, hi = widths.max() ?? 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if widths.reduce(0, { $0 + min($1, mid) }) <= room { lo = mid } else { hi = mid - 1 }
            }
            widths = widths.map { min($0, lo) }
            // Hand out what the cap left over to the columns that were cut, left to right.
            var spare = room - widths.reduce(0, +)
            let natural = (0..<columnCount).map { c in max(columns(of: header[c]), body.map { columns(of: $0[c]) }.max() ?? 0) }
            for c in 0..<columnCount where spare > 0 && widths[c] < natural[c] {
                widths[c] += 1; spare -= 1
            }
        }
        let total = widths.reduce(0, +) + gap * (columnCount - 1)

        func rowLine(_ row: [String], bold: Bool) -> Line {
            var line: Line = []
            for c in 0..<columnCount {
                if c > 0 { line += Array(repeating: .blank, count: gap) }
                let text = truncated(row[c], to: widths[c], unicode: caps.unicode)
                line += fitted(cells(text, bold: bold && caps.colour != .none), width: widths[c], align: numeric[c] ? .right : .left)
            }
            return line
        }
        out.append(rowLine(header, bold: true))
        out.append(Array(repeating: Cell(caps.unicode ? "─" : "-"), count: min(total, width)))
        for row in shown {
            if let row {
                out.append(rowLine(row, bold: false))
            } else {
                let mark = ellipsis(unicode: caps.unicode)
                let text = "\(mark) \(hidden) more rows \(mark)"
                let room = min(width, max(total, columns(of: text)))
                out.append(fitted(cells(truncated(text, to: room, unicode: caps.unicode)), width: room, align: .centre))
            }
        }
        if table.rows.isEmpty { out.append(cells("(no rows)")) }
        return titled(table.title, out, caps: caps)
    }
}
