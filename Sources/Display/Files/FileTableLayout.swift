import Foundation

extension FileDrawing {
    /// Longest cell text written into a table figure, in characters.
    static let maximumCellLength = 40

    /// Whether every non-empty cell of column `j` reads as a number (and at least one does).
    static func isNumericColumn(_ table: Table, _ j: Int) -> Bool {
        var seen = false
        for row in table.rows where j < row.count {
            let cell = row[j].trimmingCharacters(in: .whitespaces)
            if cell.isEmpty { continue }
            guard Double(cell) != nil || ["nan", "inf", "-inf"].contains(cell.lowercased()) else { return false }
            seen = true
        }
        return seen
    }

    /// A table in the style papers use: rules above and below, a rule under the bold header,
    /// text columns left-aligned and numeric ones right-aligned. The scene takes the size
    /// the text needs.
    static func tableScene(_ table: Table) -> Scene {
        let columnCount = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        let size = FontSize.table
        let header = (0..<columnCount).map { j in j < table.columns.count ? truncated(table.columns[j], to: maximumCellLength) : "" }
        let body = table.rows.map { row in
            (0..<columnCount).map { j in j < row.count ? truncated(row[j], to: maximumCellLength) : "" }
        }
        let numeric = (0..<columnCount).map { isNumericColumn(table, $0) }
        var widths = header.map { textWidth($0, size: size) }
        for row in body {
            for (j, cell) in row.enumerated() { widths[j] = max(widths[j], textWidth(cell, size: size)) }
        }
        let margin: Double = 12, padding: Double = 18, rowHeight: Double = 18
        var starts: [Double] = []
        var x = margin
        for w in widths { starts.append(x); x += w + padding }
        let tableWidth = max(40, x - padding + margin)
        let titleWidth = table.title.map { textWidth($0, size: FontSize.title) + 2 * margin } ?? 0
        let width = max(tableWidth, titleWidth).rounded(.up)
        let top: Double = table.title == nil ? 10 : 34
        let headerBaseline = top + 15
        let headerRule = top + 21
        let bottomRule = headerRule + rowHeight * Double(body.count) + 6
        let height = bottomRule + 10

        var scene = Scene(width: width, height: height, title: table.title)
        func rowItems(_ cells: [String], baseline: Double, bold: Bool) -> [Item] {
            cells.enumerated().compactMap { j, cell in
                guard !cell.isEmpty else { return nil }
                return .text(Text(x: numeric[j] ? starts[j] + widths[j] : starts[j], y: baseline, string: cell, size: size,
                                  anchor: numeric[j] ? .end : .start, bold: bold))
            }
        }
        let ruleRight = tableWidth - margin + 4
        scene.items.append(.line(Line(x1: margin - 4, y1: top, x2: ruleRight, y2: top, colour: .ink, width: 1.5, role: "rule")))
        scene.items.append(.group(role: "header", crisp: false, items: rowItems(header, baseline: headerBaseline, bold: true)))
        scene.items.append(.line(Line(x1: margin - 4, y1: headerRule, x2: ruleRight, y2: headerRule, colour: .ink, width: 1, role: "rule")))
        for (i, row) in body.enumerated() {
            let baseline = headerRule + rowHeight * Double(i) + 14
            scene.items.append(.group(role: "row", crisp: false, items: rowItems(row, baseline: baseline, bold: false)))
        }
        scene.items.append(.line(Line(x1: margin - 4, y1: bottomRule, x2: ruleRight, y2: bottomRule, colour: .ink, width: 1.5, role: "rule")))
        if let title = table.title {
            scene.items.append(.text(Text(x: width / 2, y: 22, string: title, size: FontSize.title, anchor: .middle,
                                          bold: true, role: "title")))
        }
        return scene
    }
}
