import Foundation

// Line and scatter plots on a braille canvas (or an ASCII character grid).

extension TerminalRenderer {
    /// How an axis maps its values: log or linear, and the ticks that fix its limits.
    struct AxisMapping {
        var log: Bool
        var ticks: Ticks

        /// Where the axis coordinate `u` lies between the limits, as a fraction.
        func fraction(_ u: Double) -> Double {
            ticks.hi > ticks.lo ? (u - ticks.lo) / (ticks.hi - ticks.lo) : 0.5
        }
    }

    /// The ticks of one axis from the data range (or the axis's fixed range).
    static func axisTicks(_ values: [Double], axis: Axis, name: String, target: Int, notes: inout [String]) -> AxisMapping {
        let log = axis.scale == .log
        if let r = axis.range {
            if !r.lowerBound.isFinite || !r.upperBound.isFinite {
                notes.append("the \(name) range is ignored: its limits are not finite")
            } else if log && r.lowerBound <= 0 {
                notes.append("the \(name) range is ignored: a log axis needs positive limits")
            } else {
                let (lo, hi) = log ? (log10(r.lowerBound), log10(r.upperBound)) : (r.lowerBound, r.upperBound)
                let t = log ? logTicks(lo, hi, target: target, loose: false) : linearTicks(lo, hi, target: target, loose: false)
                return AxisMapping(log: log, ticks: t)
            }
        }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let t = log ? logTicks(lo, hi, target: target, loose: true) : linearTicks(lo, hi, target: target, loose: true)
        return AxisMapping(log: log, ticks: t)
    }

    /// The dash pattern of series `i`: in plain Unicode plots with several series the
    /// series are told apart by solid, dashed and dotted lines.
    static func dashPattern(_ i: Int, distinguish: Bool) -> [Bool] {
        guard distinguish else { return [] }
        switch i % 3 {
        case 1: return [true, true, true, true, false, false, false]
        case 2: return [true, false, false]
        default: return []
        }
    }

    static func renderPlot(_ plot: LinePlot, _ caps: TerminalCapabilities, rows: Int) -> [Line] {
        let width = max(1, caps.width)
        let braille = caps.unicode
        let logX = plot.x.scale == .log, logY = plot.y.scale == .log
        var notes: [String] = []
        var nonFinite = 0, droppedX = 0, droppedY = 0
        var paths: [[(Double, Double)?]] = []
        for (i, s) in plot.series.enumerated() {
            if s.xs.count != s.ys.count {
                notes.append("\(seriesName(s, i)) has \(s.xs.count) x and \(s.ys.count) y values; the unpaired ones are left out")
            }
            var path: [(Double, Double)?] = []
            for j in 0..<min(s.xs.count, s.ys.count) {
                let x = s.xs[j], y = s.ys[j]
                if !x.isFinite || !y.isFinite { nonFinite += 1; path.append(nil); continue }
                if logX && x <= 0 { droppedX += 1; path.append(nil); continue }
                if logY && y <= 0 { droppedY += 1; path.append(nil); continue }
                path.append((logX ? log10(x) : x, logY ? log10(y) : y))
            }
            paths.append(path)
        }
        let le = caps.unicode ? "≤" : "<="
        if nonFinite > 0 { notes.append("\(count(nonFinite, "point")) with NaN or infinite values left out") }
        if droppedX > 0 { notes.append("\(count(droppedX, "point")) with x \(le) 0 dropped: the x axis is logarithmic") }
        if droppedY > 0 { notes.append("\(count(droppedY, "point")) with y \(le) 0 dropped: the y axis is logarithmic") }
        let valid = paths.flatMap { $0.compactMap { $0 } }
        if valid.isEmpty { notes.append("there are no points to plot") }

        // The y axis fixes the width of the labels at the left, which fixes the canvas width.
        let sub = (braille ? 2 : 1, braille ? 4 : 1)
        let yAxis = axisTicks(valid.map { $0.1 }, axis: plot.y, name: "y", target: max(2, rows / 3), notes: &notes)
        let yTicks = zip(yAxis.ticks.positions, yAxis.ticks.labels).map {
            (row: row(at: yAxis.fraction($0.0), rows: rows, sub: sub.1), label: $0.1)
        }
        let labelWidth = max(1, yTicks.map { columns(of: $0.label) }.max() ?? 1)
        var xNotes: [String] = []
        let xValues = valid.map { $0.0 }
        func fitX(_ canvasWidth: Int) -> (AxisMapping, [Int], Line) {
            var target = max(2, canvasWidth / 8)
            while true {
                xNotes = []
                let m = axisTicks(xValues, axis: plot.x, name: "x", target: target, notes: &xNotes)
                let cols = m.ticks.positions.map { column(at: m.fraction($0), columns: canvasWidth, sub: sub.0) }
                let ticks = Array(zip(cols, m.ticks.labels)).map { (column: $0.0, label: $0.1) }
                if let line = xLabelLine(ticks, offset: labelWidth + 1, total: width, strict: true) { return (m, cols, line) }
                if target <= 2 {
                    return (m, cols, xLabelLine(ticks, offset: labelWidth + 1, total: width, strict: false) ?? [])
                }
                target -= 1
            }
        }
        var canvasWidth = max(4, width - labelWidth - 1)
        var (xAxis, xCols, xLabels) = fitX(canvasWidth)
        // Leave room at the right for the last tick label, centred under its tick.
        if let last = xAxis.ticks.labels.last, let col = xCols.last {
            let overhang = labelWidth + 1 + col + columns(of: last) / 2 - (width - 1)
            if overhang > 0 && canvasWidth - overhang >= 4 {
                canvasWidth -= overhang
                (xAxis, xCols, xLabels) = fitX(canvasWidth)
            }
        }
        notes += xNotes

        // Draw the series.
        var canvas = DotCanvas(columns: canvasWidth, rows: rows, braille: braille)
        let dw = Double(canvas.dotWidth - 1), dh = Double(canvas.dotHeight - 1)
        let distinguish = caps.colour == .none && braille && plot.series.count > 1
        for (i, path) in paths.enumerated() {
            let marker = asciiMarkers[i % asciiMarkers.count]
            let pattern = dashPattern(i, distinguish: distinguish)
            let joined = plot.series[i].style == .line
            var phase = 0
            var previous: (Double, Double)?
            for p in path {
                guard let p else { previous = nil; continue }
                let d = (xAxis.fraction(p.0) * dw, (1 - yAxis.fraction(p.1)) * dh)
                if joined, let q = previous {
                    canvas.line(from: q, to: d, series: i, marker: marker, pattern: pattern, phase: &phase)
                } else {
                    canvas.point(d, series: i, marker: marker)
                }
                previous = d
            }
        }

        var out: [Line] = legend(plot.series, caps: caps, distinguish: distinguish)
        if let label = plot.y.label { out.append(textLine(label, width: width, caps: caps)) }
        let colour: (Int) -> Paint? = { caps.colour == .none ? nil : seriesColour($0) }
        let body = (0..<rows).map { canvas.cells(row: $0, colour: colour) }
        out += framed(body: body, yTicks: yTicks, labelWidth: labelWidth, xTickColumns: xCols, xLabels: xLabels, caps: caps)
        if let label = plot.x.label {
            out.append(Array(repeating: .blank, count: labelWidth + 1)
                + fitted(cells(truncated(sanitized(label), to: canvasWidth, unicode: caps.unicode)), width: canvasWidth, align: .centre))
        }
        return titled(plot.title, out, caps: caps) + noteLines(notes, caps: caps)
    }

    /// "1 point" or "3 points".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func seriesName(_ s: Series, _ i: Int) -> String { s.name ?? "series \(i + 1)" }

    /// Legend entries (a coloured sample and the name of each series), wrapped to the width;
    /// none for a single unnamed series.
    static func legend(_ series: [Series], caps: TerminalCapabilities, distinguish: Bool) -> [Line] {
        guard series.count > 1 || series.contains(where: { $0.name != nil }) else { return [] }
        let width = max(1, caps.width)
        var lines: [Line] = []
        var line: Line = []
        for (i, s) in series.enumerated() {
            let sample: String
            if !caps.unicode {
                sample = String(asciiMarkers[i % asciiMarkers.count])
            } else if s.style == .points {
                sample = "•"
            } else {
                sample = ["──", "╌╌", "┈┈"][distinguish ? i % 3 : 0]
            }
            let paint = caps.colour == .none ? nil : seriesColour(i)
            let name = truncated(sanitized(seriesName(s, i)), to: max(1, width - columns(of: sample) - 1), unicode: caps.unicode)
            let entry = cells(sample, fg: paint) + [Cell.blank] + cells(name)
            if !line.isEmpty && columns(of: line) + 3 + columns(of: entry) > width {
                lines.append(line); line = []
            }
            if !line.isEmpty { line += Array(repeating: .blank, count: 3) }
            line += entry
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
