/// How an axis maps data to position.
public enum AxisScale: String, Sendable, Equatable {
    case linear
    case log
}

/// One axis of a plot: its label, scale and (optional) fixed range.
public struct Axis: Sendable, Equatable {
    public var label: String?
    public var scale: AxisScale
    /// Fixed limits; nil means fit the data.
    public var range: ClosedRange<Double>?

    public init(label: String? = nil, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label; self.scale = scale; self.range = range
    }
}

/// One data series of a plot.
public struct Series: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        /// Points joined by lines.
        case line
        /// Points only (a scatter plot).
        case points
    }
    public var name: String?
    public var xs: [Double]
    public var ys: [Double]
    public var style: Style

    public init(name: String? = nil, xs: [Double], ys: [Double], style: Style = .line) {
        self.name = name; self.xs = xs; self.ys = ys; self.style = style
    }
}

/// A line or scatter plot of one or more series.
public struct LinePlot: Sendable, Equatable {
    public var series: [Series]
    public var title: String?
    public var x: Axis
    public var y: Axis

    public init(series: [Series], title: String? = nil, x: Axis = Axis(), y: Axis = Axis()) {
        self.series = series; self.title = title; self.x = x; self.y = y
    }
}

/// A histogram: bin edges (count + 1 of them) and the count in each bin.
public struct HistogramFigure: Sendable, Equatable {
    public var edges: [Double]
    public var counts: [Double]
    public var title: String?
    public var x: Axis

    public init(edges: [Double], counts: [Double], title: String? = nil, x: Axis = Axis()) {
        self.edges = edges; self.counts = counts; self.title = title; self.x = x
    }

    /// Bins `values` into `bins` equal-width bins spanning their range (NaNs and infinities
    /// are left out; a constant sample gets one bin of width 1 around its value).
    public static func binning(_ values: [Double], bins: Int, title: String? = nil, x: Axis = Axis()) -> HistogramFigure {
        let finite = values.filter { $0.isFinite }
        let n = max(1, bins)
        guard let lo = finite.min(), let hi = finite.max() else {
            return HistogramFigure(edges: [0, 1], counts: [0], title: title, x: x)
        }
        let (a, b) = lo == hi ? (lo - 0.5, hi + 0.5) : (lo, hi)
        let width = (b - a) / Double(n)
        var counts = [Double](repeating: 0, count: n)
        for v in finite { counts[min(n - 1, max(0, Int((v - a) / width)))] += 1 }
        return HistogramFigure(edges: (0...n).map { a + Double($0) * width }, counts: counts, title: title, x: x)
    }
}

/// A matrix shown as coloured cells, with a colour bar.
public struct Heatmap: Sendable, Equatable {
    public var rows: Int
    public var cols: Int
    /// Row-major values.
    public var values: [Double]
    public var title: String?
    /// Diverging colours centred on zero (blue-white-red); nil chooses by the data's sign.
    public var diverging: Bool?

    public init(rows: Int, cols: Int, values: [Double], title: String? = nil, diverging: Bool? = nil) {
        self.rows = rows; self.cols = cols; self.values = values; self.title = title; self.diverging = diverging
    }

    /// Whether the colours diverge around zero (the data has both signs, unless fixed).
    public var usesDivergingColours: Bool {
        if let d = diverging { return d }
        let finite = values.filter { $0.isFinite }
        return (finite.min() ?? 0) < 0 && (finite.max() ?? 0) > 0
    }
}

/// A greyscale picture with optional highlighted (masked) pixels.
public struct Picture: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row-major intensities in 0...1 (0 black, 1 white).
    public var pixels: [Double]
    /// Pixels drawn in the highlight colour (for example corrupted or clamped ones).
    public var mask: [Bool]?
    /// A caption under the picture.
    public var caption: String?

    public init(width: Int, height: Int, pixels: [Double], mask: [Bool]? = nil, caption: String? = nil) {
        self.width = width; self.height = height; self.pixels = pixels; self.mask = mask; self.caption = caption
    }
}

/// Pictures in a grid, `cols` to a row.
public struct PictureGrid: Sendable, Equatable {
    public var pictures: [Picture]
    public var cols: Int
    public var title: String?

    public init(pictures: [Picture], cols: Int, title: String? = nil) {
        self.pictures = pictures; self.cols = max(1, cols); self.title = title
    }
}

/// A table of text cells with a header row; numeric columns are right-aligned.
public struct Table: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]
    public var title: String?

    public init(columns: [String], rows: [[String]], title: String? = nil) {
        self.columns = columns; self.rows = rows; self.title = title
    }
}

/// Anything qrepl can draw in a terminal and write as SVG or PNG.
public enum Figure: Sendable, Equatable {
    case plot(LinePlot)
    case histogram(HistogramFigure)
    case heatmap(Heatmap)
    case pictures(PictureGrid)
    case table(Table)
    case graph(GraphDrawing)
}
