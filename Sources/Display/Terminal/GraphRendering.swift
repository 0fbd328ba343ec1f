// Graph and embedding drawings. Lattices (hardware graphs) show every qubit when the grid
// fits the width — vertical qubits as │, horizontal ones as ─, dead ones as ×, chains in
// their colours (or as letters without colour) — and otherwise one or two characters per
// unit cell summarising it. Free layouts (small graphs) are braille lines with the node
// names on top.

extension TerminalRenderer {
    /// Letters that stand for chains when there is no colour (x is kept for dead qubits).
    static let chainSymbols: [Character] = Array("abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// The letter of chain k (cycling).
    static func chainSymbol(_ k: Int) -> Character {
        chainSymbols[((k % chainSymbols.count) + chainSymbols.count) % chainSymbols.count]
    }

    /// The colour of working qubits and plain edges.
    static let qubitColour = Paint.rgb(70, 130, 180)
    /// The colour of unused qubits.
    static let dimColour = Paint.grey(96)
    /// The colour of dead qubits.
    static let deadColour = Paint.rgb(220, 50, 47)

    static func renderGraph(_ d: GraphDrawing, _ caps: TerminalCapabilities) -> [Line] {
        var body: [Line]
        var notes: [String] = []
        switch d.layout {
        case let .lattice(rows, cols, w, h):
            let grid = d.gridSize
            if grid.columns <= caps.width {
                body = latticeDetail(d, caps)
            } else {
                let across = max(1, caps.width)
                let perCell = 2 * cols <= across ? 2 : 1
                let block = max(1, (cols * perCell + across - 1) / across)
                body = latticeSummary(d, caps, cellRows: rows, cellCols: cols, cellWidth: w, cellHeight: h,
                                      block: block, perCell: perCell)
                let what = block == 1 ? "unit cell" : "\(block) x \(block) unit cells"
                let chars = perCell == 2 ? "two characters" : "one character"
                notes.append("\(chars) per \(what); \(grid.columns) columns show every qubit")
            }
        case .free:
            body = freeLayout(d, caps)
        }
        if let caption = d.caption {
            body += wrapped(caption, width: max(1, caps.width), unicode: caps.unicode).map { cells($0) }
        }
        body += chainLegend(d, caps)
        return titled(d.title, body, caps: caps) + noteLines(notes, caps: caps)
    }

    /// The cell that draws node `node` in full detail.
    static func nodeCell(_ node: GraphDrawing.Node, _ caps: TerminalCapabilities) -> Cell {
        let coloured = caps.colour != .none
        let u = caps.unicode
        func glyph(heavy: Bool) -> Character {
            switch node.shape {
            case .vertical: return u ? (heavy ? "┃" : "│") : "|"
            case .horizontal: return u ? (heavy ? "━" : "─") : "-"
            case .point: return u ? "●" : "o"
            }
        }
        switch node.state {
        case .normal: return Cell(glyph(heavy: false), fg: coloured ? qubitColour : nil)
        case .unused: return Cell(glyph(heavy: false), fg: coloured ? dimColour : nil)
        case .dead: return Cell(u ? "×" : "x", fg: coloured ? deadColour : nil)
        case .chain(let k):
            if coloured && u { return Cell(glyph(heavy: true), fg: seriesColour(k), bold: true) }
            return Cell(chainSymbol(k), fg: coloured ? seriesColour(k) : nil, bold: coloured)
        }
    }

    /// Every qubit at its place in the grid.
    static func latticeDetail(_ d: GraphDrawing, _ caps: TerminalCapabilities) -> [Line] {
        let size = d.gridSize
        var grid = [Line](repeating: Line(repeating: .blank, count: size.columns), count: size.rows)
        for node in d.nodes {
            let x = Int(node.x.rounded()), y = Int(node.y.rounded())
            guard x >= 0, y >= 0, x < size.columns, y < size.rows else { continue }
            grid[y][x] = nodeCell(node, caps)
        }
        return grid
    }

    /// One or two characters per block of unit cells: how many of its qubits work, against
    /// the fullest block (plain graphs), or which chain holds most of them (embeddings).
    static func latticeSummary(_ d: GraphDrawing, _ caps: TerminalCapabilities, cellRows: Int, cellCols: Int,
                               cellWidth: Int, cellHeight: Int, block: Int, perCell: Int) -> [Line] {
        let across = (cellCols + block - 1) / block, down = (cellRows + block - 1) / block
        var sites = [Int](repeating: 0, count: across * down)
        var dead = sites, working = sites
        var chains = [[Int: Int]](repeating: [:], count: across * down)
        for node in d.nodes {
            let x = Int(node.x.rounded()), y = Int(node.y.rounded())
            guard x >= 0, y >= 0 else { continue }
            let c = x / (cellWidth + 1) / block, r = y / (cellHeight + 1) / block
            guard c < across, r < down else { continue }
            let i = r * across + c
            sites[i] += 1
            switch node.state {
            case .dead: dead[i] += 1
            case .normal, .unused: working[i] += 1
            case .chain(let k): chains[i][k, default: 0] += 1
            }
        }
        let coloured = caps.colour != .none, u = caps.unicode
        let embedding = !d.chainNames.isEmpty
        // Shades compare with the fullest block, so partial cells at a lattice's border show.
        let fullest = max(1, sites.max() ?? 1)
        var lines: [Line] = []
        for r in 0..<down {
            var line: Line = []
            for c in 0..<across {
                let i = r * across + c
                let cell: Cell
                if sites[i] == 0 {
                    cell = .blank
                } else if dead[i] == sites[i] {
                    cell = Cell(u ? "×" : "x", fg: coloured ? deadColour : nil)
                } else if let (k, _) = chains[i].max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
                    cell = coloured && u ? Cell("█", fg: seriesColour(k)) : Cell(chainSymbol(k), fg: coloured ? seriesColour(k) : nil, bold: coloured)
                } else if embedding {
                    cell = Cell(u ? "·" : ".", fg: coloured ? dimColour : nil)
                } else {
                    let live = Double(working[i]) / Double(fullest)
                    let ramp: [Character] = u ? ["░", "▒", "▓", "█"] : [":", "+", "%", "#"]
                    let level = live >= 1 ? 3 : live >= 0.75 ? 2 : live >= 0.5 ? 1 : 0
                    cell = Cell(ramp[level], fg: coloured ? qubitColour : nil)
                }
                line += Array(repeating: cell, count: perCell)
            }
            lines.append(line)
        }
        return lines
    }

    /// The chains' letters or colours with their names, at most three lines.
    static func chainLegend(_ d: GraphDrawing, _ caps: TerminalCapabilities) -> [Line] {
        guard !d.chainNames.isEmpty else { return [] }
        let width = max(20, caps.width)
        var counts = [Int](repeating: 0, count: d.chainNames.count)
        for node in d.nodes { if case .chain(let k) = node.state, k >= 0, k < counts.count { counts[k] += 1 } }
        var lines: [Line] = []
        var line: Line = cells("chains: ")
        for (k, name) in d.chainNames.enumerated() {
            let mark: Cell
            if caps.colour != .none && caps.unicode {
                mark = Cell("■", fg: seriesColour(k))
            } else {
                mark = Cell(chainSymbol(k), fg: caps.colour != .none ? seriesColour(k) : nil, bold: caps.colour != .none)
            }
            let entry: Line = [mark] + cells(" \(sanitized(name)) (\(counts[k]))")
            if columns(of: line) + entry.count + 2 > width {
                if lines.count == 2 {
                    let rest = d.chainNames.count - k
                    lines.append(line + cells(" \(ellipsis(unicode: caps.unicode)) \(rest) more"))
                    return lines
                }
                lines.append(line)
                line = cells("        ")
            } else if k > 0 {
                line += cells("  ")
            }
            line += entry
        }
        lines.append(line)
        return lines
    }

    /// A small graph with nodes where the layout puts them (in a square, as characters are
    /// twice as tall as wide), edges as braille lines, node names on top.
    static func freeLayout(_ d: GraphDrawing, _ caps: TerminalCapabilities) -> [Line] {
        let labelRoom = min(6, d.nodes.map { $0.label.count }.max() ?? 1) + 2
        let rows = min(24, max(8, caps.width / 5))
        let braille = caps.unicode
        let dotsAcross = braille ? 2 : 1, dotsDown = braille ? 4 : 1
        // A square: characters are about half as wide as they are tall.
        let sideColumns = rows * 2
        let columns = max(4, min(caps.width, sideColumns + labelRoom))
        var canvas = DotCanvas(columns: columns, rows: rows, braille: braille)
        let marginX = Double(dotsAcross * (labelRoom / 2)), marginY = Double(dotsDown) / 2
        let spanX = Double(min(sideColumns, columns - labelRoom) * dotsAcross - 1)
        let spanY = Double(canvas.dotHeight - 1) - 2 * marginY
        func dot(_ node: GraphDrawing.Node) -> (Double, Double) {
            (marginX + min(1, max(0, node.x)) * spanX, marginY + min(1, max(0, node.y)) * spanY)
        }
        let plainSeries = Int.max - 1, linkSeries = Int.max
        var phase = 0
        let order = d.edges.indices.sorted { rank(d.edges[$0].kind) < rank(d.edges[$1].kind) }
        for e in order {
            let edge = d.edges[e]
            guard edge.a >= 0, edge.b >= 0, edge.a < d.nodes.count, edge.b < d.nodes.count else { continue }
            let series: Int
            switch edge.kind {
            case .plain: series = plainSeries
            case .link: series = linkSeries
            case .chain(let k): series = max(0, k)
            }
            canvas.line(from: dot(d.nodes[edge.a]), to: dot(d.nodes[edge.b]), series: series, marker: ".", pattern: [], phase: &phase)
        }
        let coloured = caps.colour != .none
        var lines = (0..<canvas.rows).map { r in
            canvas.cells(row: r) { series in
                guard coloured else { return nil }
                return series == plainSeries ? dimColour : series == linkSeries ? Paint.grey(200) : seriesColour(series)
            }
        }
        let showLabels = d.nodes.count <= 64
        for node in d.nodes {
            let p = dot(node)
            let col = Int(p.0) / dotsAcross, row = Int(p.1) / dotsDown
            guard row >= 0, row < lines.count else { continue }
            let mark = nodeCell(node, caps)
            var text: Line = [mark]
            if showLabels {
                var name = truncated(sanitized(node.label), to: labelRoom - 2, unicode: caps.unicode)
                // Without colour a chain shows as its letter after the name.
                if case .chain(let k) = node.state, !coloured { name += "=" + String(chainSymbol(k)) }
                if case .dead = node.state { name += caps.unicode ? "×" : "x" }
                let named = cells(name, fg: mark.fg, bold: coloured)
                if !named.isEmpty { text = named }
            }
            let start = max(0, min(columns - text.count, col - text.count / 2))
            overlay(text, onto: &lines[row], at: start)
        }
        while let last = lines.last, last.allSatisfy({ $0.char == " " }) { lines.removeLast() }
        return lines
    }

    /// Drawing order of edges: plain ones first, chains last (on top).
    private static func rank(_ kind: GraphDrawing.EdgeKind) -> Int {
        switch kind {
        case .plain: return 0
        case .link: return 1
        case .chain: return 2
        }
    }
}
