import Foundation

/// Writes figures as self-contained SVG 1.1 documents for papers and reports.
///
/// Plots get a framed plot area with round-number ticks (1, 2 or 5 × 10^k; powers of ten on
/// log axes), grid lines, axis labels, a title, one `<path>` per line series or a group of
/// `<circle>`s per scatter series, and a legend to the right when any series is named.
/// Histograms are `<rect>` bars; heat maps a grid of `<rect>` cells (one embedded PNG image
/// when there are more than 16,384 cells) with row and column indices and a colour bar;
/// picture grids are `<rect>` pixels (runs of equal pixels merged; one embedded PNG `<image>`
/// per picture when the grid has more than 16,384 pixels) with frames and captions.
/// Embedded images are stored enlarged by a whole factor to about their displayed size,
/// so that viewers which smooth images anyway keep the cell edges sharp. Tables are
/// `<text>` rows between rules. Elements carry `class` names (`series`, `legend`,
/// `x-ticks`, `y-ticks`, `bars`, `cells`, `colourbar`, `picture`, `caption`, `row`, `title`,
/// ...) so that tools and tests can find them. Numbers are written with at most two decimals,
/// so the same figure always gives the same bytes.
public enum SVGWriter {
    /// The SVG document for `figure`, `width` × `height` user units (pixels) in size.
    /// Tables and graph drawings ignore the size and take the room they need; picture grids take the
    /// width and the height they need at it (at most 2.5 × `height`, beyond which the
    /// pictures shrink).
    public static func svg(_ figure: Figure, width: Int = 640, height: Int = 400) -> String {
        document(scene(figure, width: width, height: height))
    }

    /// The laid-out scene of `figure` at the given size.
    static func scene(_ figure: Figure, width: Int, height: Int) -> FileDrawing.Scene {
        let w = Double(max(160, min(width, 100_000))), h = Double(max(120, min(height, 100_000)))
        switch figure {
        case let .plot(plot): return FileDrawing.plotScene(plot, width: w, height: h)
        case let .histogram(histogram): return FileDrawing.histogramScene(histogram, width: w, height: h)
        case let .heatmap(heatmap): return FileDrawing.heatmapScene(heatmap, sizing: .fit(width: w, height: h))
        case let .pictures(grid): return FileDrawing.pictureScene(grid, sizing: .fit(width: w, height: h))
        case let .table(table): return FileDrawing.tableScene(table)
        case let .graph(drawing): return FileDrawing.graphScene(drawing)
        }
    }

    /// Escapes `text` for XML character data and attribute values. Characters XML 1.0 does
    /// not allow become U+FFFD; line breaks and tabs become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The SVG text of a scene.
    static func document(_ scene: FileDrawing.Scene) -> String {
        let w = FileDrawing.number(scene.width), h = FileDrawing.number(scene.height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\""
        if scene.items.contains(where: usesImage) { out += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" }
        out += " version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\">\n"
        if let title = scene.title { out += "  <title>\(escape(title))</title>\n" }
        out += "  <rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"\(scene.background.hex)\"/>\n"
        for item in scene.items { write(item, depth: 1, into: &out) }
        out += "</svg>\n"
        return out
    }

    /// The whole-number factor (1...16) that brings `image` near its displayed size,
    /// kept to at most four million stored pixels.
    static func upscaleFactor(_ image: FileDrawing.Image) -> Int {
        guard image.columns > 0, image.rows > 0 else { return 1 }
        let wanted = max(image.width / Double(image.columns), image.height / Double(image.rows)).rounded(.up)
        var k = max(1, min(16, FileDrawing.clampedInt(wanted)))
        while k > 1, k * k * image.columns * image.rows > 4_000_000 { k -= 1 }
        return k
    }

    /// `image`'s pixels with each repeated `k` × `k` times.
    static func upscaled(_ image: FileDrawing.Image, by k: Int) -> [UInt8] {
        guard k > 1, image.rgb.count >= image.columns * image.rows * 3 else { return image.rgb }
        var out: [UInt8] = []
        out.reserveCapacity(image.columns * image.rows * k * k * 3)
        for r in 0..<image.rows {
            var row: [UInt8] = []
            row.reserveCapacity(image.columns * k * 3)
            for c in 0..<image.columns {
                let i = (r * image.columns + c) * 3
                for _ in 0..<k { row += image.rgb[i..<(i + 3)] }
            }
            for _ in 0..<k { out += row }
        }
        return out
    }

    private static func usesImage(_ item: FileDrawing.Item) -> Bool {
        switch item {
        case .image: return true
        case let .group(_, _, items): return items.contains(where: usesImage)
        default: return false
        }
    }

    private static func roleAttribute(_ role: String?) -> String {
        role.map { " class=\"\(escape($0))\"" } ?? ""
    }

    private static func write(_ item: FileDrawing.Item, depth: Int, into out: inout String) {
        let n = FileDrawing.number
        // A line series with nothing inside the plot area draws nothing.
        if case let .path(p) = item, p.runs.isEmpty { return }
        out += String(repeating: "  ", count: depth)
        switch item {
        case let .rect(r):
            out += "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\""
            out += " fill=\"\(r.fill?.hex ?? "none")\""
            if let stroke = r.stroke { out += " stroke=\"\(stroke.hex)\" stroke-width=\"\(n(r.strokeWidth))\"" }
            out += roleAttribute(r.role) + "/>\n"
        case let .line(l):
            out += "<line x1=\"\(n(l.x1))\" y1=\"\(n(l.y1))\" x2=\"\(n(l.x2))\" y2=\"\(n(l.y2))\""
            out += " stroke=\"\(l.colour.hex)\" stroke-width=\"\(n(l.width))\"" + roleAttribute(l.role) + "/>\n"
        case let .path(p):
            var d = ""
            for run in p.runs {
                for (i, point) in run.enumerated() {
                    if !d.isEmpty { d += " " }
                    d += (i == 0 ? "M" : "L") + n(point.x) + " " + n(point.y)
                }
            }
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(p.colour.hex)\" stroke-width=\"\(n(p.width))\""
            out += " stroke-linejoin=\"round\" stroke-linecap=\"round\"" + roleAttribute(p.role) + "/>\n"
        case let .circle(c):
            out += "<circle cx=\"\(n(c.cx))\" cy=\"\(n(c.cy))\" r=\"\(n(c.r))\" fill=\"\(c.fill.hex)\"" + roleAttribute(c.role) + "/>\n"
        case let .text(t):
            out += "<text x=\"\(n(t.x))\" y=\"\(n(t.y))\" font-size=\"\(n(t.size))\""
            if t.anchor != .start { out += " text-anchor=\"\(t.anchor.rawValue)\"" }
            if t.bold { out += " font-weight=\"bold\"" }
            out += " fill=\"\(t.colour.hex)\""
            if t.vertical { out += " transform=\"rotate(-90 \(n(t.x)) \(n(t.y)))\"" }
            out += roleAttribute(t.role) + ">" + escape(t.string) + "</text>\n"
        case let .image(image):
            // Viewers that ignore image-rendering smooth a stretched image; stored at about
            // its displayed size, the blur stays within one pixel of each edge.
            let k = upscaleFactor(image)
            let png = PNGWriter.encode(width: image.columns * k, height: image.rows * k, rgb: upscaled(image, by: k))
            out += "<image x=\"\(n(image.x))\" y=\"\(n(image.y))\" width=\"\(n(image.width))\" height=\"\(n(image.height))\""
            out += " preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\""
            out += roleAttribute(image.role)
            out += " xlink:href=\"data:image/png;base64," + Data(png).base64EncodedString() + "\"/>\n"
        case let .group(role, crisp, items):
            out += "<g" + roleAttribute(role) + (crisp ? " shape-rendering=\"crispEdges\"" : "")
            if items.isEmpty { out += "/>\n"; return }
            out += ">\n"
            for child in items { write(child, depth: depth + 1, into: &out) }
            out += String(repeating: "  ", count: depth) + "</g>\n"
        }
    }
}
