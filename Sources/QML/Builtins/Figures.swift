import Display
import IsingCore

/// A figure (plot, histogram, heat map, picture grid, table) as a language value: shown
/// in the terminal when displayed or printed, written as SVG or PNG by `save`.
final class FigureValue: NativeValue {
    let figure: Figure
    init(_ figure: Figure) { self.figure = figure }

    override var typeName: String { "Figure" }

    override var summary: String {
        switch figure {
        case .plot(let p): return "Figure(plot, \(p.series.count) series\(p.title.map { ": \($0)" } ?? ""))"
        case .histogram(let h): return "Figure(histogram, \(h.counts.count) bins\(h.title.map { ": \($0)" } ?? ""))"
        case .heatmap(let h): return "Figure(heatmap \(h.rows) x \(h.cols)\(h.title.map { ": \($0)" } ?? ""))"
        case .pictures(let g): return "Figure(\(g.pictures.count) pictures)"
        case .table(let t): return "Figure(table, \(t.rows.count) rows)"
        case .graph(let d): return "Figure(drawing of \(d.nodes.count) nodes\(d.title.map { ": \($0)" } ?? ""))"
        }
    }

    /// The figure drawn for the terminal on standard output.
    override var display: String {
        TerminalRenderer.render(figure, TerminalCapabilities.detect(fd: 1))
    }

    override var printsAsDisplay: Bool { true }

    override var displayedFigure: Figure? { figure }

    override var memberNames: [String] { ["save", "svg"] }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "svg": return .str(SVGWriter.svg(figure))
        case "save":
            return method(name, [.required("path")], "Writes the figure as .svg or .png.") { args in
                do { try FigureFile.write(self.figure, to: try args.string(0)) } catch { throw args.error("\(error)") }
                return .null
            }
        default: return nil
        }
    }
}

/// A native value that can draw itself when passed to `plot`, `show`, `heatmap` or
/// `table` (a schedule, a data set, a training history, a tensor). It returns nil for a
/// builtin it has no drawing for, and the builtin then reports the type as wrong.
protocol FigureSource {
    /// The figure for `builtin` ("plot", "show", "heatmap", "table"), with that builtin's arguments.
    func figure(for builtin: String, _ args: Arguments) throws -> Figure?
}

extension Arguments {
    /// The figure the first argument draws of itself for `builtin`, if it is a `FigureSource`.
    func ownFigure(_ builtin: String) throws -> Value? {
        guard case .object(let o) = value(0), let source = o as? FigureSource,
              let figure = try source.figure(for: builtin, self) else { return nil }
        return .object(FigureValue(figure))
    }

    /// A matrix from a list of equally long rows of numbers.
    func matrix(_ i: Int) throws -> (rows: Int, cols: Int, values: [Double]) {
        let rows = try sequence(i)
        guard !rows.isEmpty else { throw error("`\(name(i))` must be a non-empty list of rows") }
        var values: [Double] = []
        var cols = -1
        for (r, row) in rows.enumerated() {
            guard let items = try row.iterated() else { throw error("row \(r) of `\(name(i))` must be a list of numbers") }
            if cols < 0 { cols = items.count }
            guard items.count == cols else { throw error("row \(r) has \(items.count) values but row 0 has \(cols)") }
            for x in items {
                guard let d = x.asDouble else { throw error("`\(name(i))` must hold numbers, found \(x.typeName)") }
                values.append(d)
            }
        }
        guard cols > 0 else { throw error("`\(name(i))` has empty rows") }
        return (rows.count, cols, values)
    }

    func axis(label: Int, log: Int) throws -> Axis {
        Axis(label: has(label) ? try string(label) : nil, scale: try bool(log, default: false) ? .log : .linear)
    }
}

extension BuiltinRegistry {
    /// Figures: plot, scatter, hist, heatmap, show, table, display.
    static func registerFigures(into r: inout BuiltinRegistry) {
        let plotParameters: [BuiltinParameter] = [
            .required("x"), .optional("y"), .optional("title"), .optional("xlabel"), .optional("ylabel"),
            .optional("logx", "false"), .optional("logy", "false"), .optional("labels"),
        ]
        func series(_ args: Arguments, style: Series.Style) throws -> [Series] {
            let labels = args.has(7) ? try args.list(7).map(ValueFormatter.printed) : []
            func one(_ ys: [Double], _ xs: [Double]?, _ k: Int) throws -> Series {
                let x = xs ?? ys.indices.map(Double.init)
                guard x.count == ys.count else { throw args.error("x has \(x.count) values but y has \(ys.count)") }
                return Series(name: k < labels.count ? labels[k] : nil, xs: x, ys: ys, style: style)
            }
            func isNested(_ v: Value) -> Bool {
                if case .list(let xs) = v, case .list? = xs.first { return true }
                return false
            }
            if !args.has(1) {
                if isNested(args.value(0)) {
                    return try args.sequence(0).enumerated().map { k, row in
                        guard let ys = try row.iterated()?.compactMap(\.asDouble) else { throw args.error("each series must be a list of numbers") }
                        return try one(ys, nil, k)
                    }
                }
                return [try one(try args.doubles(0), nil, 0)]
            }
            let xs = try args.doubles(0)
            if isNested(args.value(1)) {
                return try args.sequence(1).enumerated().map { k, row in
                    guard let ys = try row.iterated()?.compactMap(\.asDouble) else { throw args.error("each series must be a list of numbers") }
                    return try one(ys, xs, k)
                }
            }
            return [try one(try args.doubles(1), xs, 0)]
        }
        r.add("plot", plotParameters, topic: "figures", doc: """
            A line plot of ys (against 0, 1, 2, ...) or of ys against xs; several series as a list of lists with `labels:`.
            Shown in the terminal with braille dots; `save(p, "fig.svg")` writes it to a file.
            plot(map(0..<50, |i| sin(i / 5)), title: "sine")
            plot(ts, [m1, m2], labels: ["gibbs", "sa"], xlabel: "T", logy: true)
            """) { args in
            if let own = try args.ownFigure("plot") { return own }
            let s = try series(args, style: .line)
            return .object(FigureValue(.plot(LinePlot(series: s, title: args.has(2) ? try args.string(2) : nil,
                                                       x: try args.axis(label: 3, log: 5), y: try args.axis(label: 4, log: 6)))))
        }
        r.add("scatter", plotParameters, topic: "figures", doc: """
            A scatter plot of points (xs[i], ys[i]); the same arguments as plot.
            """) { args in
            if let own = try args.ownFigure("scatter") { return own }
            let s = try series(args, style: .points)
            return .object(FigureValue(.plot(LinePlot(series: s, title: args.has(2) ? try args.string(2) : nil,
                                                       x: try args.axis(label: 3, log: 5), y: try args.axis(label: 4, log: 6)))))
        }
        r.add("hist", [.required("values"), .optional("bins", "20"), .optional("title"), .optional("xlabel")], topic: "figures", doc: """
            A histogram of numbers, or of a sample set's energies (weighted by counts).
            hist(normal(n: 1000, seed: 1), bins: 30)
            """) { args in
            let bins = try args.int(1, default: 20)
            guard bins >= 1, bins <= 1000 else { throw args.error("`bins` must be between 1 and 1000") }
            let title = args.has(2) ? try args.string(2) : nil
            var xlabel = args.has(3) ? try args.string(3) : nil
            if case .object(let o as SampleSetValue) = args.value(0) {
                // Bin each distinct row once, weighted by its count.
                if xlabel == nil { xlabel = "energy" }
                try o.requireEnergies("histogram")
                let energies = o.samples.energies
                var h = HistogramFigure.binning(energies, bins: bins, title: title, x: Axis(label: xlabel))
                h.counts = [Double](repeating: 0, count: h.counts.count)
                if let lo = h.edges.first, let hi = h.edges.last, hi > lo {
                    let width = (hi - lo) / Double(h.counts.count)
                    for (k, e) in energies.enumerated() where e.isFinite {
                        h.counts[min(h.counts.count - 1, max(0, Int((e - lo) / width)))] += Double(o.samples.counts[k])
                    }
                }
                return .object(FigureValue(.histogram(h)))
            }
            return .object(FigureValue(.histogram(HistogramFigure.binning(try args.doubles(0), bins: bins, title: title,
                                                                          x: Axis(label: xlabel)))))
        }
        r.add("heatmap", [.required("matrix"), .optional("title"), .optional("diverging")], topic: "figures", doc: """
            A matrix as coloured cells with a colour bar (diverging around zero for signed data).
            heatmap(s.correlations, title: "<s_i s_j>")
            """) { args in
            if let own = try args.ownFigure("heatmap") { return own }
            let (rows, cols, values) = try args.matrix(0)
            return .object(FigureValue(.heatmap(Heatmap(rows: rows, cols: cols, values: values, title: args.has(1) ? try args.string(1) : nil,
                                                         diverging: args.has(2) ? try args.bool(2) : nil))))
        }
        r.add("show", [.required("pictures"), .optional("n"), .optional("cols", "auto"), .optional("width"),
                       .optional("captions"), .optional("masks"), .optional("title")], topic: "figures", doc: """
            A grid of pictures: each picture a list of rows of intensities, or a flat list with `width:`.
            Values in 0..1 are grey levels (spins -1/+1 are mapped to black/white); `masks:` highlights pixels.
            show([[[0, 1], [1, 0]], [[1, 1], [0, 0]]], captions: ["a", "b"])
            """) { args in
            if let own = try args.ownFigure("show") { return own }
            var items = try args.sequence(0)
            if args.has(1) { items = Array(items.prefix(max(0, try args.int(1)))) }
            let width = args.has(3) ? try args.int(3) : nil
            let captions = args.has(4) ? try args.list(4).map(ValueFormatter.printed) : []
            let masks = args.has(5) ? try args.list(5) : []
            var pictures: [Picture] = []
            for (k, item) in items.enumerated() {
                var pixels: [Double] = []
                var w = 0, h = 0
                guard let rowsOrFlat = try item.iterated() else { throw args.error("picture \(k) must be a list") }
                if case .list? = rowsOrFlat.first {
                    h = rowsOrFlat.count
                    for row in rowsOrFlat {
                        let vals = try row.iterated()?.compactMap(\.asDouble) ?? []
                        if w == 0 { w = vals.count }
                        guard vals.count == w else { throw args.error("picture \(k) has rows of different lengths") }
                        pixels += vals
                    }
                } else {
                    pixels = rowsOrFlat.compactMap(\.asDouble)
                    guard let wd = width, wd > 0, pixels.count % wd == 0 else {
                        throw args.error("picture \(k) is a flat list of \(pixels.count) values: give `width:` (a divisor of its length)")
                    }
                    w = wd
                    h = pixels.count / wd
                }
                let lo = pixels.min() ?? 0, hi = pixels.max() ?? 1
                if lo < 0 { pixels = pixels.map { ($0 + 1) / 2 } }     // spins -1/+1
                else if hi > 1 { pixels = pixels.map { $0 / hi } }     // e.g. 0..16 grey levels
                var mask: [Bool]?
                if k < masks.count, let m = try masks[k].iterated() {
                    let flat = m.flatMap { (try? $0.iterated()) ?? [$0] }
                    mask = flat.map { if case .bool(let b) = $0 { return b }; return ($0.asDouble ?? 0) != 0 }
                    if mask?.count != w * h { throw args.error("mask \(k) has \(mask?.count ?? 0) values for \(w * h) pixels") }
                }
                pictures.append(Picture(width: w, height: h, pixels: pixels, mask: mask, caption: k < captions.count ? captions[k] : nil))
            }
            let cols = args.has(2) ? try args.int(2) : min(max(1, pictures.count), 8)
            return .object(FigureValue(.pictures(PictureGrid(pictures: pictures, cols: cols, title: args.has(6) ? try args.string(6) : nil))))
        }
        r.add("table", [.required("rows"), .optional("title")], topic: "figures", doc: """
            A table from a list of records (one column per field of the first record).
            table([{T: 1.5, m: 0.99}, {T: 3.0, m: 0.2}])
            """) { args in
            if let own = try args.ownFigure("table") { return own }
            let items = try args.sequence(0)
            guard case .record(let first)? = items.first else { throw args.error("`rows` must be a non-empty list of records") }
            let columns = first.stringKeys
            let rows: [[String]] = try items.map { item in
                guard case .record(let rec) = item else { throw args.error("every row must be a record, found \(item.typeName)") }
                return columns.map { c in
                    let v = rec.get(c) ?? .null
                    if case .float(let d) = v { return Self.compactNumber(d) }
                    return ValueFormatter.printed(v)
                }
            }
            return .object(FigureValue(.table(Table(columns: columns, rows: rows, title: args.has(1) ? try args.string(1) : nil))))
        }
        r.add("display", [.required("value")], topic: "figures", doc: """
            Shows a value as the REPL would: figures are drawn (and collected into reports), other values in display form.
            for T in temps { display(plot(...)) }
            """) { args in
            let v = args.value(0)
            if case .object(let o as FigureValue) = v, let sink = args.interpreter.options.displaySink {
                sink(o.figure)
            } else {
                args.interpreter.options.output(Interpreter.display(v) + "\n")
            }
            return .null
        }
    }

    /// A float with at most 6 significant digits, for tables.
    static func compactNumber(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return ValueFormatter.float(d) }
        let s = String(format: "%.6g", d)
        return s
    }
}
