import Foundation

extension FileDrawing {
    /// Font sizes in scene units.
    enum FontSize {
        static let tick = 11.0
        static let label = 12.0
        static let title = 14.0
        static let legend = 11.0
        static let caption = 11.0
        static let table = 12.0
    }

    /// The rectangle data is drawn in, and its two axes mapped onto it.
    struct PlotArea {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var x: AxisLayout
        var y: AxisLayout

        func contains(_ p: Point) -> Bool {
            let e = 1e-6
            return p.x >= x0 - e && p.x <= x1 + e && p.y >= y0 - e && p.y <= y1 + e
        }

        /// The scene point for data (x, y), or nil when either cannot be shown.
        func point(_ x: Double, _ y: Double) -> Point? {
            guard let px = self.x.position(x), let py = self.y.position(y) else { return nil }
            return Point(x: px, y: py)
        }
    }

    /// One entry of a legend.
    struct LegendEntry {
        var name: String
        var colour: RGB
        var style: Series.Style
    }

    /// Places the plot area in a `width` × `height` scene, leaving room for tick labels,
    /// axis labels, the title and (on the right) a legend `legendWidth` wide.
    static func plotArea(width: Double, height: Double, x: AxisLayout, y: AxisLayout,
                         title: String?, xLabel: String?, yLabel: String?, legendWidth: Double) -> PlotArea {
        let yTickWidth = Double(y.widestLabel) * FontSize.tick * 0.6
        let left = 10 + (yLabel == nil ? 0 : 20) + yTickWidth + 4 + 5
        let top: Double = title == nil ? 14 : 34
        let bottom: Double = 5 + 4 + FontSize.tick + (xLabel == nil ? 0 : 19) + 12
        let right: Double = 18 + (legendWidth > 0 ? legendWidth + 12 : 0)
        var area = PlotArea(x0: left, y0: top, x1: max(left + 40, width - right), y1: max(top + 40, height - bottom), x: x, y: y)
        area.x.start = area.x0; area.x.end = area.x1
        area.y.start = area.y1; area.y.end = area.y0
        return area
    }

    /// Grid lines at the labelled ticks, drawn under the data.
    static func gridItems(_ area: PlotArea) -> Item {
        var items: [Item] = []
        for tick in area.x.ticks where tick.label != nil {
            if let px = area.x.position(tick.value) {
                items.append(.line(Line(x1: px, y1: area.y0, x2: px, y2: area.y1, colour: .grid)))
            }
        }
        for tick in area.y.ticks where tick.label != nil {
            if let py = area.y.position(tick.value) {
                items.append(.line(Line(x1: area.x0, y1: py, x2: area.x1, y2: py, colour: .grid)))
            }
        }
        return .group(role: "grid", crisp: true, items: items)
    }

    /// The frame, tick marks with their labels, axis labels and title, drawn over the data.
    static func axesItems(_ area: PlotArea, title: String?, xLabel: String?, yLabel: String?) -> [Item] {
        var items: [Item] = []
        items.append(.rect(Rect(x: area.x0, y: area.y0, width: area.x1 - area.x0, height: area.y1 - area.y0,
                                fill: nil, stroke: .axis, strokeWidth: 1, role: "frame")))
        var xTicks: [Item] = []
        for tick in area.x.ticks {
            guard let px = area.x.position(tick.value) else { continue }
            let length: Double = tick.label == nil ? 3 : 5
            xTicks.append(.line(Line(x1: px, y1: area.y1, x2: px, y2: area.y1 + length, colour: .axis)))
            if let label = tick.label {
                xTicks.append(.text(Text(x: px, y: area.y1 + 9 + FontSize.tick * 0.8, string: label,
                                         size: FontSize.tick, anchor: .middle)))
            }
        }
        items.append(.group(role: "x-ticks", crisp: false, items: xTicks))
        var yTicks: [Item] = []
        for tick in area.y.ticks {
            guard let py = area.y.position(tick.value) else { continue }
            let length: Double = tick.label == nil ? 3 : 5
            yTicks.append(.line(Line(x1: area.x0 - length, y1: py, x2: area.x0, y2: py, colour: .axis)))
            if let label = tick.label {
                yTicks.append(.text(Text(x: area.x0 - 9, y: py + FontSize.tick * 0.35, string: label,
                                         size: FontSize.tick, anchor: .end)))
            }
        }
        items.append(.group(role: "y-ticks", crisp: false, items: yTicks))
        let midX = (area.x0 + area.x1) / 2, midY = (area.y0 + area.y1) / 2
        if let xLabel {
            items.append(.text(Text(x: midX, y: area.y1 + 9 + FontSize.tick + 19, string: xLabel,
                                    size: FontSize.label, anchor: .middle, role: "x-label")))
        }
        if let yLabel {
            items.append(.text(Text(x: 22, y: midY, string: yLabel, size: FontSize.label, anchor: .middle,
                                    vertical: true, role: "y-label")))
        }
        if let title {
            items.append(.text(Text(x: midX, y: 22, string: title, size: FontSize.title, anchor: .middle,
                                    bold: true, role: "title")))
        }
        return items
    }

    /// The legend's width for these entries (0 when there are none).
    static func legendWidth(_ entries: [LegendEntry]) -> Double {
        guard let longest = entries.map({ $0.name.count }).max() else { return 0 }
        return 10 + 24 + Double(longest) * FontSize.legend * 0.6 + 10
    }

    /// A boxed legend to the right of the plot area.
    static func legendItems(_ entries: [LegendEntry], area: PlotArea) -> Item {
        let width = legendWidth(entries)
        let x = area.x1 + 12, y = area.y0
        var items: [Item] = [.rect(Rect(x: x, y: y, width: width, height: 8 + 18 * Double(entries.count),
                                        fill: .white, stroke: RGB(grey: 180), strokeWidth: 1))]
        for (i, entry) in entries.enumerated() {
            let cy = y + 4 + 18 * Double(i) + 9
            switch entry.style {
            case .line:
                items.append(.line(Line(x1: x + 8, y1: cy, x2: x + 30, y2: cy, colour: entry.colour, width: 2)))
            case .points:
                items.append(.circle(Circle(cx: x + 19, cy: cy, r: 3, fill: entry.colour)))
            }
            items.append(.text(Text(x: x + 36, y: cy + FontSize.legend * 0.35, string: entry.name, size: FontSize.legend)))
        }
        return .group(role: "legend", crisp: false, items: items)
    }

    /// Clips the segment p–q to the rectangle (Liang–Barsky), or nil when it lies outside.
    static func clip(_ p: Point, _ q: Point, _ area: PlotArea) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let dx = q.x - p.x, dy = q.y - p.y
        let edges = [(-dx, p.x - area.x0), (dx, area.x1 - p.x), (-dy, p.y - area.y0), (dy, area.y1 - p.y)]
        for (direction, distance) in edges {
            if direction == 0 {
                if distance < 0 { return nil }
            } else {
                let r = distance / direction
                if direction < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
        }
        return (Point(x: p.x + t0 * dx, y: p.y + t0 * dy), Point(x: p.x + t1 * dx, y: p.y + t1 * dy))
    }

    /// The joined runs of a line series inside the plot area: breaks at points that cannot
    /// be shown and where the line leaves the area.
    static func lineRuns(_ points: [(Double, Double)], area: PlotArea) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        var previous: Point?
        func flush() {
            if current.count >= 2 { runs.append(current) }
            current = []
        }
        for (x, y) in points {
            guard let p = area.point(x, y) else {
                flush(); previous = nil; continue
            }
            if let a = previous {
                if let (c, d) = clip(a, p, area) {
                    if let last = current.last, abs(last.x - c.x) < 1e-9, abs(last.y - c.y) < 1e-9 {
                        current.append(d)
                    } else {
                        flush(); current = [c, d]
                    }
                } else {
                    flush()
                }
            }
            previous = p
        }
        flush()
        return runs
    }

    /// A series's (x, y) pairs; a series without xs is plotted against 0, 1, 2, ...
    static func pairs(_ series: Series) -> [(Double, Double)] {
        if series.xs.isEmpty { return series.ys.enumerated().map { (Double($0.offset), $0.element) } }
        return Array(zip(series.xs, series.ys))
    }

    /// Tick counts to aim for along an axis of the given length.
    static func tickTarget(_ length: Double, spacing: Double) -> Int {
        max(3, min(10, Int(length / spacing)))
    }

    /// A line or scatter plot laid out in `width` × `height` units.
    static func plotScene(_ plot: LinePlot, width: Double, height: Double) -> Scene {
        let data = plot.series.map(pairs)
        let xAxis = axisLayout(values: data.flatMap { $0.map(\.0) }, axis: plot.x, target: tickTarget(width, spacing: 90))
        let yAxis = axisLayout(values: data.flatMap { $0.map(\.1) }, axis: plot.y, target: tickTarget(height, spacing: 60))
        var entries: [LegendEntry] = []
        for (i, s) in plot.series.enumerated() {
            if let name = s.name, !name.isEmpty {
                entries.append(LegendEntry(name: truncated(name, to: 32), colour: seriesColour(i), style: s.style))
            }
        }
        let area = plotArea(width: width, height: height, x: xAxis, y: yAxis, title: plot.title,
                            xLabel: plot.x.label, yLabel: plot.y.label, legendWidth: legendWidth(entries))
        var scene = Scene(width: width, height: height, title: plot.title)
        scene.items.append(gridItems(area))
        var seriesItems: [Item] = []
        for (i, points) in data.enumerated() {
            let colour = seriesColour(i)
            switch plot.series[i].style {
            case .line:
                seriesItems.append(.path(Path(runs: lineRuns(points, area: area), colour: colour, width: 1.75, role: "series")))
            case .points:
                let dots = points.compactMap { area.point($0.0, $0.1) }.filter(area.contains)
                seriesItems.append(.group(role: "series", crisp: false,
                                          items: dots.map { .circle(Circle(cx: $0.x, cy: $0.y, r: 2.5, fill: colour)) }))
            }
        }
        scene.items.append(.group(role: "data", crisp: false, items: seriesItems))
        scene.items += axesItems(area, title: plot.title, xLabel: plot.x.label, yLabel: plot.y.label)
        if !entries.isEmpty { scene.items.append(legendItems(entries, area: area)) }
        return scene
    }

    /// A histogram laid out in `width` × `height` units: one bar per bin, y from zero.
    static func histogramScene(_ histogram: HistogramFigure, width: Double, height: Double) -> Scene {
        let xAxis = axisLayout(values: histogram.edges, axis: histogram.x, target: tickTarget(width, spacing: 90), extend: false)
        let yAxis = linearAxis(values: [0] + histogram.counts, fixed: nil, target: tickTarget(height, spacing: 60), extend: true)
        let area = plotArea(width: width, height: height, x: xAxis, y: yAxis, title: histogram.title,
                            xLabel: histogram.x.label, yLabel: "count", legendWidth: 0)
        var scene = Scene(width: width, height: height, title: histogram.title)
        scene.items.append(gridItems(area))
        var bars: [Item] = []
        let colour = seriesColour(0)
        for (i, count) in histogram.counts.enumerated() where i + 1 < histogram.edges.count {
            guard let xa = area.x.position(histogram.edges[i]), let xb = area.x.position(histogram.edges[i + 1]),
                  let base = area.y.position(0), let top = area.y.position(count) else { continue }
            let left = max(area.x0, min(xa, xb)), right = min(area.x1, max(xa, xb))
            guard right > left else { continue }
            let wide = right - left > 4
            bars.append(.rect(Rect(x: left, y: min(top, base), width: right - left, height: abs(base - top), fill: colour,
                                   stroke: wide ? .white : nil, strokeWidth: 0.75)))
        }
        scene.items.append(.group(role: "bars", crisp: false, items: bars))
        scene.items += axesItems(area, title: histogram.title, xLabel: histogram.x.label, yLabel: "count")
        return scene
    }
}
