// Heat maps: two cells per character with ▀ (foreground the upper cell, background the
// lower) in colour, coloured spaces in colour without Unicode, and a character ramp
// without colour; a colour bar with its limits under the map.

extension TerminalRenderer {
    /// The characters of the colourless heat map, from the lowest value to the highest.
    static let heatRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The matrix resampled to `width` × `height` cells: each cell averages a `down` × `down`
    /// block of the matrix (finite values only; NaN when there are none) or repeats one
    /// matrix cell `up` × `up` times.
    static func resample(_ h: Heatmap, down: Int, up: Int) -> (width: Int, height: Int, values: [Double]) {
        let width = up > 1 ? h.cols * up : (h.cols + down - 1) / down
        let height = up > 1 ? h.rows * up : (h.rows + down - 1) / down
        var out: [Double] = []
        out.reserveCapacity(width * height)
        for py in 0..<height {
            for px in 0..<width {
                if up > 1 {
                    let i = (py / up) * h.cols + px / up
                    out.append(i < h.values.count ? h.values[i] : .nan)
                    continue
                }
                var sum = 0.0, n = 0
                for r in (py * down)..<min(h.rows, py * down + down) {
                    if r * h.cols >= h.values.count { break }
                    for c in (px * down)..<min(h.cols, px * down + down) {
                        let i = r * h.cols + c
                        if i < h.values.count, h.values[i].isFinite { sum += h.values[i]; n += 1 }
                    }
                }
                out.append(n > 0 ? sum / Double(n) : .nan)
            }
        }
        return (width, height, out)
    }

    static func renderHeatmap(_ h: Heatmap, _ caps: TerminalCapabilities) -> [Line] {
        let width = max(1, caps.width)
        var out: [Line] = []
        let (size, overflow) = h.rows.multipliedReportingOverflow(by: h.cols)
        guard h.rows > 0, h.cols > 0, h.rows < 1 << 31, h.cols < 1 << 31, !overflow else {
            return titled(h.title, [], caps: caps) + noteLines(["the matrix is empty"], caps: caps)
        }
        var notes: [String] = []
        let times = caps.unicode ? "×" : "x"
        if h.values.count < size { notes.append("the matrix has \(h.values.count) values for \(h.rows) \(times) \(h.cols) cells; the missing ones are blank") }
        let finite = h.values.prefix(size).filter { $0.isFinite }
        let bad = min(size, h.values.count) - finite.count
        let diverging = h.usesDivergingColours
        var lo = finite.min() ?? 0, hi = finite.max() ?? 0
        if finite.isEmpty { notes.append("the matrix has no finite values") }
        if diverging {
            let m = max(abs(lo), abs(hi))
            (lo, hi) = m > 0 ? (-m, m) : (-1, 1)
        }
        func level(_ v: Double) -> Double { hi > lo ? (v - lo) / (hi - lo) : 0.5 }

        // How many terminal columns and matrix rows each character shows.
        let coloured = caps.colour != .none
        let halfBlocks = coloured && caps.unicode
        var pixelColumns = halfBlocks ? 1 : 2
        let perLine = halfBlocks ? 2 : 1
        if !coloured && h.cols * 2 > width { pixelColumns = 1 }
        let across = max(1, width / pixelColumns)
        let down = max(1, (h.cols + across - 1) / across, (h.rows + 40 * perLine - 1) / (40 * perLine))
        let up = down == 1 ? max(1, min(across / h.cols, 16 * perLine / h.rows, 8)) : 1
        let grid = resample(h, down: down, up: up)
        if down > 1 { notes.append("\(h.rows) \(times) \(h.cols) matrix shown at 1:\(down)") }
        if bad > 0 { notes.append("\(count(bad, "cell")) with NaN or infinite values shown \(coloured ? "blank" : "as ?")") }

        func value(_ x: Int, _ y: Int) -> Double { y < grid.height ? grid.values[y * grid.width + x] : .nan }
        for line in 0..<((grid.height + perLine - 1) / perLine) {
            var cellsOfLine: Line = []
            for x in 0..<grid.width {
                if halfBlocks {
                    let top = value(x, 2 * line), bottom = value(x, 2 * line + 1)
                    switch (top.isFinite, bottom.isFinite) {
                    case (true, true):
                        cellsOfLine.append(Cell("▀", fg: mapColour(level(top), diverging: diverging), bg: mapColour(level(bottom), diverging: diverging)))
                    case (true, false): cellsOfLine.append(Cell("▀", fg: mapColour(level(top), diverging: diverging)))
                    case (false, true): cellsOfLine.append(Cell("▄", fg: mapColour(level(bottom), diverging: diverging)))
                    case (false, false): cellsOfLine.append(.blank)
                    }
                } else {
                    let v = value(x, line)
                    let cell: Cell
                    if coloured {
                        cell = v.isFinite ? Cell(" ", bg: mapColour(level(v), diverging: diverging)) : .blank
                    } else {
                        cell = v.isFinite ? Cell(heatRamp[rampIndex(level(v))]) : Cell("?")
                    }
                    cellsOfLine += Array(repeating: cell, count: pixelColumns)
                }
            }
            out.append(cellsOfLine)
        }

        // The colour bar and its limits.
        let mapWidth = grid.width * pixelColumns
        let barWidth = min(width, max(24, min(mapWidth, 60)))
        var bar: Line = []
        for i in 0..<barWidth {
            let t = barWidth > 1 ? Double(i) / Double(barWidth - 1) : 0.5
            if halfBlocks {
                bar.append(Cell("█", fg: mapColour(t, diverging: diverging)))
            } else if coloured {
                bar.append(Cell(" ", bg: mapColour(t, diverging: diverging)))
            } else {
                bar.append(Cell(heatRamp[rampIndex(t)]))
            }
        }
        out.append([])
        out.append(bar)
        var labels: Line = []
        let low = cells(compact(lo)), high = cells(compact(hi))
        overlay(low, onto: &labels, at: 0)
        if diverging {
            let zero = (barWidth - 1) / 2
            if zero > low.count && zero + 1 < barWidth - high.count { overlay(cells("0"), onto: &labels, at: zero) }
        }
        if barWidth - high.count > low.count { overlay(high, onto: &labels, at: barWidth - high.count) }
        out.append(labels)
        return titled(h.title, out, caps: caps) + noteLines(notes, caps: caps)
    }

    /// The index into `heatRamp` of a level in 0...1.
    static func rampIndex(_ t: Double) -> Int {
        guard t.isFinite else { return 0 }
        return min(heatRamp.count - 1, Int(min(1, max(0, t)) * Double(heatRamp.count)))
    }
}
