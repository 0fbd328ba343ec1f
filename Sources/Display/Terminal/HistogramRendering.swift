import Foundation

// Histograms as vertical bars of block elements, eighths of a row high (whole rows of "#"
// in ASCII).

extension TerminalRenderer {
    static func renderHistogram(_ h: HistogramFigure, _ caps: TerminalCapabilities, rows: Int) -> [Line] {
        let width = max(1, caps.width)
        var notes: [String] = []
        var counts = h.counts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        if h.counts.contains(where: { !$0.isFinite || $0 < 0 }) { notes.append("negative or non-finite counts are shown as 0") }
        if counts.isEmpty { counts = [0]; notes.append("the histogram has no bins") }
        var edges = h.edges
        if edges.count != counts.count + 1 || edges.contains(where: { !$0.isFinite }) || zip(edges, edges.dropFirst()).contains(where: { $0 >= $1 }) {
            if !h.counts.isEmpty { notes.append("the bin edges do not fit the counts; bins are numbered instead") }
            edges = (0...counts.count).map(Double.init)
        }

        // Merge neighbouring bins when there are more bins than columns; the labels of the
        // counts axis are at most as wide as those for the total count.
        let total = counts.reduce(0, +)
        let widest = linearTicks(0, total > 0 ? total : 1, target: max(2, rows / 3), loose: true).labels.map { columns(of: $0) }.max() ?? 1
        let room0 = max(1, width - widest - 1)
        let group = (counts.count + room0 - 1) / room0
        if group > 1 {
            var merged: [Double] = []
            var mergedEdges: [Double] = [edges[0]]
            var i = 0
            while i < counts.count {
                let j = min(counts.count, i + group)
                merged.append(counts[i..<j].reduce(0, +))
                mergedEdges.append(edges[j])
                i = j
            }
            notes.append("every \(group) neighbouring bins are drawn as one")
            counts = merged; edges = mergedEdges
        }

        // Counts axis.
        let top = counts.max() ?? 0
        let scale = linearTicks(0, top > 0 ? top : 1, target: max(2, rows / 3), loose: true)
        let yMarks = zip(scale.positions, scale.labels).map {
            (row: row(at: $0.0 / scale.hi, rows: rows, sub: 8), label: $0.1)
        }
        let labelWidth = max(1, yMarks.map { columns(of: $0.label) }.max() ?? 1)
        let room = max(1, width - labelWidth - 1)
        let bins = counts.count
        let barWidth = max(1, room / bins)
        let gap = barWidth >= 3 ? 1 : 0
        let canvasWidth = barWidth * bins

        // Bars.
        let paint = caps.colour == .none ? nil : seriesColour(0)
        let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var body: [Line] = Array(repeating: Array(repeating: .blank, count: canvasWidth), count: rows)
        for (b, c) in counts.enumerated() {
            var height = Int((c / scale.hi * Double(rows * 8)).rounded())
            if c > 0 && height == 0 { height = 1 }
            if !caps.unicode { height = c > 0 ? max(1, Int((Double(height) / 8).rounded())) * 8 : 0 }
            for r in 0..<rows {
                let fill = min(8, max(0, height - (rows - 1 - r) * 8))
                guard fill > 0 else { continue }
                let ch: Character = caps.unicode ? eighths[fill] : "#"
                for x in 0..<(barWidth - gap) { body[r][b * barWidth + x] = Cell(ch, fg: paint) }
            }
        }

        // Value axis: ticks placed through the bin edges, so uneven bins map correctly.
        let logX = h.x.scale == .log && edges[0] > 0
        if h.x.scale == .log && !logX { notes.append("the x axis is drawn linear: a log axis needs positive bin edges") }
        func position(_ v: Double) -> Double {
            guard let i = edges.indices.dropLast().last(where: { edges[$0] <= v }) else { return 0 }
            let (a, b) = (edges[i], edges[i + 1])
            let f = logX ? (log10(v) - log10(a)) / (log10(b) - log10(a)) : (v - a) / (b - a)
            return (Double(i) + min(1, max(0, f))) * Double(barWidth)
        }
        var target = max(2, canvasWidth / 6)
        var xCols: [Int] = []
        var xLabels: Line = []
        let lo = edges[0], hi = edges[edges.count - 1]
        while true {
            let t = logX ? logTicks(log10(lo), log10(hi), target: target, loose: false) : linearTicks(lo, hi, target: target, loose: false)
            let values = t.positions.map { logX ? pow(10, $0) : $0 }
            xCols = values.map { min(canvasWidth - 1, max(0, Int(position($0).rounded(.down)))) }
            let ticks = Array(zip(xCols, t.labels)).map { (column: $0.0, label: $0.1) }
            if let line = xLabelLine(ticks, offset: labelWidth + 1, total: width, strict: true) { xLabels = line; break }
            if target <= 2 { xLabels = xLabelLine(ticks, offset: labelWidth + 1, total: width, strict: false) ?? []; break }
            target -= 1
        }

        var out = framed(body: body, yTicks: yMarks, labelWidth: labelWidth, xTickColumns: xCols, xLabels: xLabels, caps: caps)
        if let label = h.x.label {
            out.append(Array(repeating: .blank, count: labelWidth + 1)
                + fitted(cells(truncated(sanitized(label), to: canvasWidth, unicode: caps.unicode)), width: canvasWidth, align: .centre))
        }
        return titled(h.title, out, caps: caps) + noteLines(notes, caps: caps)
    }
}
