/// Drawing figures for files. Each figure is first laid out as a `Scene` — rectangles,
/// lines, paths, circles, text and images in abstract units — and then either written out
/// as SVG elements or rasterised into PNG pixels, so both formats show the same layout.
/// Everything here is internal to the file writers; the names are nested in this namespace
/// so that they cannot clash with the terminal renderer's.
enum FileDrawing {
    /// An opaque 8-bit sRGB colour.
    struct RGB: Hashable, Sendable {
        var r: UInt8
        var g: UInt8
        var b: UInt8

        init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

        /// Grey of the given level.
        init(grey level: UInt8) { self.init(level, level, level) }

        /// `#rrggbb`, lower case.
        var hex: String {
            var s = "#"
            for v in [r, g, b] { s.append(RGB.digits[Int(v >> 4)]); s.append(RGB.digits[Int(v & 0xF)]) }
            return s
        }

        private static let digits: [Character] = Array("0123456789abcdef")

        static let white = RGB(255, 255, 255)
        static let black = RGB(0, 0, 0)
        /// Text colour.
        static let ink = RGB(34, 34, 34)
        /// Frames, axes and tick marks.
        static let axis = RGB(68, 68, 68)
        /// Grid lines behind plots.
        static let grid = RGB(232, 232, 232)
        /// Frames around pictures.
        static let pictureFrame = RGB(160, 160, 160)
        /// Highlighted (masked) picture pixels.
        static let highlight = RGB(228, 26, 28)
        /// Cells whose value is not a finite number.
        static let missing = RGB(190, 190, 190)
    }

    /// A point in scene units (y grows downwards).
    struct Point: Equatable, Sendable {
        var x: Double
        var y: Double
    }

    /// Where a text's x coordinate sits: at its start, middle or end.
    enum Anchor: String, Sendable {
        case start, middle, end
    }

    struct Rect: Sendable {
        var x: Double, y: Double, width: Double, height: Double
        var fill: RGB?
        var stroke: RGB? = nil
        var strokeWidth: Double = 1
        var role: String? = nil
    }

    struct Line: Sendable {
        var x1: Double, y1: Double, x2: Double, y2: Double
        var colour: RGB
        var width: Double = 1
        var role: String? = nil
    }

    /// Polylines drawn with one stroke; each inner array is a separate run of joined points.
    struct Path: Sendable {
        var runs: [[Point]]
        var colour: RGB
        var width: Double
        var role: String? = nil
    }

    struct Circle: Sendable {
        var cx: Double, cy: Double, r: Double
        var fill: RGB
        var role: String? = nil
    }

    /// One line of text; `y` is the baseline. Vertical text is turned a quarter turn
    /// anticlockwise about (x, y), reading upwards.
    struct Text: Sendable {
        var x: Double, y: Double
        var string: String
        var size: Double
        var anchor: Anchor = .start
        var bold: Bool = false
        var vertical: Bool = false
        var colour: RGB = .ink
        var role: String? = nil
    }

    /// A block of pixels (`columns` × `rows`, RGB row-major) stretched over a rectangle
    /// without smoothing; used for heat maps too large to write cell by cell.
    struct Image: Sendable {
        var x: Double, y: Double, width: Double, height: Double
        var columns: Int, rows: Int
        var rgb: [UInt8]
        var role: String? = nil
    }

    enum Item: Sendable {
        case rect(Rect)
        case line(Line)
        case path(Path)
        case circle(Circle)
        case text(Text)
        case image(Image)
        /// Items belonging together; `crisp` asks for edges without anti-aliasing.
        case group(role: String?, crisp: Bool, items: [Item])
    }

    /// A laid-out figure.
    struct Scene: Sendable {
        var width: Double
        var height: Double
        /// The figure's title, repeated as the SVG document title.
        var title: String?
        var background: RGB = .white
        var items: [Item] = []
    }
}

// MARK: - Colours

extension FileDrawing {
    /// Distinct colours for plot series (the Tableau 10 set).
    static let seriesPalette: [RGB] = [
        RGB(31, 119, 180), RGB(255, 127, 14), RGB(44, 160, 44), RGB(214, 39, 40),
        RGB(148, 103, 189), RGB(140, 86, 75), RGB(227, 119, 194), RGB(127, 127, 127),
        RGB(188, 189, 34), RGB(23, 190, 207),
    ]

    /// The colour of series `index`.
    static func seriesColour(_ index: Int) -> RGB { seriesPalette[index % seriesPalette.count] }

    /// Blue through white to red, for signed data centred on zero.
    static let divergingStops: [RGB] = [
        RGB(33, 102, 172), RGB(103, 169, 207), RGB(255, 255, 255), RGB(239, 138, 98), RGB(178, 24, 43),
    ]

    /// Dark purple through green to yellow (viridis, sampled), for unsigned data.
    static let sequentialStops: [RGB] = [
        RGB(68, 1, 84), RGB(71, 44, 122), RGB(59, 81, 139), RGB(44, 113, 142), RGB(33, 144, 141),
        RGB(39, 173, 129), RGB(92, 200, 99), RGB(170, 220, 50), RGB(253, 231, 37),
    ]

    /// The colour at `t` in 0...1 along evenly spaced `stops`, interpolated linearly.
    static func colour(at t: Double, stops: [RGB]) -> RGB {
        guard let first = stops.first, let last = stops.last else { return .missing }
        guard t.isFinite else { return .missing }
        if t <= 0 { return first }
        if t >= 1 { return last }
        let position = t * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let f = position - Double(index)
        let a = stops[index], b = stops[index + 1]
        func mix(_ u: UInt8, _ v: UInt8) -> UInt8 {
            UInt8(max(0, min(255, (Double(u) + (Double(v) - Double(u)) * f).rounded())))
        }
        return RGB(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b))
    }

    /// How a heat map turns values into colours: the value range and the colour stops.
    struct ColourScale: Sendable {
        var low: Double
        var high: Double
        var stops: [RGB]

        /// Diverging scales are symmetric about zero; sequential ones span the data.
        init(_ heatmap: Heatmap) {
            let finite = heatmap.values.filter { $0.isFinite }
            if heatmap.usesDivergingColours {
                let m = finite.map { abs($0) }.max() ?? 0
                let half = m > 0 ? m : 1
                low = -half; high = half; stops = FileDrawing.divergingStops
            } else {
                let lo = finite.min() ?? 0, hi = finite.max() ?? 1
                if lo < hi { low = lo; high = hi } else {
                    let d = lo == 0 ? 1 : abs(lo) * 0.1
                    low = lo - d; high = lo + d
                }
                stops = FileDrawing.sequentialStops
            }
        }

        func colour(_ value: Double) -> RGB {
            guard value.isFinite else { return .missing }
            return FileDrawing.colour(at: (value - low) / (high - low), stops: stops)
        }
    }

    /// The grey of a picture intensity (0 black, 1 white; not-a-number is mid grey).
    static func grey(_ intensity: Double) -> RGB {
        guard intensity.isFinite else { return RGB(grey: 128) }
        return RGB(grey: UInt8(max(0, min(1, intensity)) * 255 + 0.5))
    }
}

// MARK: - Numbers and text

extension FileDrawing {
    /// A coordinate with at most two decimals, trailing zeros dropped: deterministic and short.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = (v * 100).rounded()
        guard abs(scaled) < 1e15 else { return "0" }
        var n = Int(scaled)
        if n == 0 { return "0" }
        let negative = n < 0
        n = abs(n)
        var s = negative ? "-" : ""
        s += String(n / 100)
        let fraction = n % 100
        if fraction != 0 {
            s += "."
            if fraction < 10 { s += "0" + String(fraction) } else if fraction % 10 == 0 {
                s += String(fraction / 10)
            } else { s += String(fraction) }
        }
        return s
    }

    /// An integer clamped into a safe range (not-a-number becomes 0).
    static func clampedInt(_ v: Double, limit: Double = 1e9) -> Int {
        guard v.isFinite else { return v.isNaN ? 0 : (v > 0 ? Int(limit) : -Int(limit)) }
        return Int(max(-limit, min(limit, v)))
    }

    /// Roughly how wide `text` is at font size `size` (average sans-serif advance).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text` cut to at most `limit` characters, with an ellipsis when cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }
}
