import Foundation

extension FileDrawing {
    /// An RGB pixel buffer that scenes are rasterised into, without anti-aliasing.
    ///
    /// Rectangles cover the pixels whose centres fall inside them, so rectangles that share
    /// an edge neither overlap nor leave a gap, and a rectangle with whole-number corners
    /// covers exactly those pixels. Slanted lines are drawn with Bresenham's algorithm.
    struct Canvas {
        let width: Int
        let height: Int
        /// Row-major RGB bytes.
        private(set) var rgb: [UInt8]

        /// The largest canvas made; anything beyond it is clipped away.
        static let maximumSide = 32768
        static let maximumArea = 200_000_000

        init(width: Int, height: Int, background: RGB) {
            self.width = max(1, min(width, Canvas.maximumSide))
            self.height = max(1, min(height, Canvas.maximumSide, Canvas.maximumArea / self.width))
            var bytes = [UInt8](repeating: 0, count: self.width * self.height * 3)
            var i = 0
            while i < bytes.count {
                bytes[i] = background.r; bytes[i + 1] = background.g; bytes[i + 2] = background.b
                i += 3
            }
            rgb = bytes
        }

        /// The colour at (x, y), or nil outside the canvas.
        func pixel(_ x: Int, _ y: Int) -> RGB? {
            guard x >= 0, y >= 0, x < width, y < height else { return nil }
            let i = (y * width + x) * 3
            return RGB(rgb[i], rgb[i + 1], rgb[i + 2])
        }

        mutating func set(_ x: Int, _ y: Int, _ c: RGB) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let i = (y * width + x) * 3
            rgb[i] = c.r; rgb[i + 1] = c.g; rgb[i + 2] = c.b
        }

        /// Fills columns x0..<x1 of rows y0..<y1 (clipped to the canvas).
        mutating func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ c: RGB) {
            let left = max(0, x0), right = min(width, x1), top = max(0, y0), bottom = min(height, y1)
            guard left < right, top < bottom else { return }
            for y in top..<bottom {
                var i = (y * width + left) * 3
                for _ in left..<right {
                    rgb[i] = c.r; rgb[i + 1] = c.g; rgb[i + 2] = c.b
                    i += 3
                }
            }
        }

        /// The pixel range whose centres lie in [a, b); at least the pixel holding the middle.
        private static func span(_ a: Double, _ b: Double) -> (Int, Int) {
            let lo = clampedInt(ceil(a - 0.5)), hi = clampedInt(ceil(b - 0.5))
            if hi > lo { return (lo, hi) }
            let mid = clampedInt(floor((a + b) / 2))
            return (mid, mid + 1)
        }

        /// Fills the pixels whose centres lie in the region (device coordinates).
        mutating func fill(region left: Double, _ top: Double, _ right: Double, _ bottom: Double, _ c: RGB) {
            let (x0, x1) = Canvas.span(min(left, right), max(left, right))
            let (y0, y1) = Canvas.span(min(top, bottom), max(top, bottom))
            fill(x0, y0, x1, y1, c)
        }

        /// A line `thickness` pixels wide between two points (device coordinates).
        mutating func line(_ a: Point, _ b: Point, thickness: Double, _ c: RGB) {
            if a.x == b.x || a.y == b.y {
                let h = thickness / 2
                fill(region: min(a.x, b.x) - (a.x == b.x ? h : 0), min(a.y, b.y) - (a.y == b.y ? h : 0),
                     max(a.x, b.x) + (a.x == b.x ? h : 0), max(a.y, b.y) + (a.y == b.y ? h : 0), c)
                return
            }
            let t = max(1, clampedInt(thickness.rounded()))
            var x = clampedInt(floor(a.x), limit: 1e7), y = clampedInt(floor(a.y), limit: 1e7)
            let x1 = clampedInt(floor(b.x), limit: 1e7), y1 = clampedInt(floor(b.y), limit: 1e7)
            let dx = abs(x1 - x), dy = -abs(y1 - y)
            let sx = x < x1 ? 1 : -1, sy = y < y1 ? 1 : -1
            var error = dx + dy
            let before = (t - 1) / 2
            while true {
                fill(x - before, y - before, x - before + t, y - before + t, c)
                if x == x1 && y == y1 { break }
                let e2 = 2 * error
                if e2 >= dy { error += dy; x += sx }
                if e2 <= dx { error += dx; y += sy }
            }
        }

        /// A filled disc: the pixels whose centres lie within `r` of the centre.
        mutating func disc(_ cx: Double, _ cy: Double, _ r: Double, _ c: RGB) {
            let radius = max(0.5, r)
            let x0 = clampedInt(floor(cx - radius)), x1 = clampedInt(ceil(cx + radius))
            let y0 = clampedInt(floor(cy - radius)), y1 = clampedInt(ceil(cy + radius))
            guard x1 >= x0, y1 >= y0, x1 - x0 < 10_000 else { return }
            for y in y0...y1 {
                for x in x0...x1 {
                    let ex = Double(x) + 0.5 - cx, ey = Double(y) + 0.5 - cy
                    if ex * ex + ey * ey <= radius * radius { set(x, y, c) }
                }
            }
        }

        /// Draws `image` stretched over the region, choosing the nearest source pixel.
        mutating func draw(_ image: Image, left: Double, top: Double, right: Double, bottom: Double) {
            guard image.columns > 0, image.rows > 0, image.rgb.count >= image.columns * image.rows * 3 else { return }
            let (x0, x1) = Canvas.span(left, right)
            let (y0, y1) = Canvas.span(top, bottom)
            let w = right - left, h = bottom - top
            guard w > 0, h > 0 else { return }
            for y in max(0, y0)..<min(height, max(y0, y1)) {
                let sy = min(image.rows - 1, max(0, Int((Double(y) + 0.5 - top) / h * Double(image.rows))))
                for x in max(0, x0)..<min(width, max(x0, x1)) {
                    let sx = min(image.columns - 1, max(0, Int((Double(x) + 0.5 - left) / w * Double(image.columns))))
                    let i = (sy * image.columns + sx) * 3
                    set(x, y, RGB(image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]))
                }
            }
        }

        /// Writes `text` in the bitmap font, each font pixel `factor` × `factor` device pixels,
        /// with its baseline at `y`; vertical text reads upwards, turned about (x, y).
        mutating func text(_ text: String, x: Double, y: Double, factor: Int, anchor: Anchor, bold: Bool,
                           vertical: Bool, _ c: RGB) {
            let characters = BitmapFont.ascii(text)
            guard !characters.isEmpty else { return }
            let g = max(1, factor)
            let length = characters.count * BitmapFont.advance * g - g
            var along: Int
            switch anchor {
            case .start: along = 0
            case .middle: along = -length / 2
            case .end: along = -length
            }
            let ox = clampedInt(x.rounded(), limit: 1e7), oy = clampedInt(y.rounded(), limit: 1e7)
            let boldOffsets = bold ? [0, max(1, g / 2)] : [0]
            for scalar in characters {
                let rows = BitmapFont.rows(scalar)
                for (r, bits) in rows.enumerated() where bits != 0 {
                    for col in 0..<BitmapFont.glyphWidth where bits & (1 << UInt8(BitmapFont.glyphWidth - 1 - col)) != 0 {
                        for offset in boldOffsets {
                            // (u, v): along the text and down from the top of the glyph box.
                            let u = along + col * g + offset
                            let v = (r - BitmapFont.glyphHeight) * g
                            if vertical {
                                fill(ox + v, oy - u - g, ox + v + g, oy - u, c)
                            } else {
                                fill(ox + u, oy + v, ox + u + g, oy + v + g, c)
                            }
                        }
                    }
                }
                along += BitmapFont.advance * g
            }
        }
    }

    /// Rasterises `scene`, each scene unit `unit` device pixels.
    static func rasterize(_ scene: Scene, unit: Double) -> Canvas {
        var canvas = Canvas(width: clampedInt((scene.width * unit).rounded(.up)),
                            height: clampedInt((scene.height * unit).rounded(.up)), background: scene.background)
        for item in scene.items { draw(item, unit: unit, on: &canvas) }
        return canvas
    }

    private static func draw(_ item: Item, unit u: Double, on canvas: inout Canvas) {
        switch item {
        case let .rect(r):
            let x0 = r.x * u, y0 = r.y * u, x1 = (r.x + r.width) * u, y1 = (r.y + r.height) * u
            if let fill = r.fill { canvas.fill(region: x0, y0, x1, y1, fill) }
            if let stroke = r.stroke {
                let h = r.strokeWidth * u / 2
                canvas.fill(region: x0 - h, y0 - h, x1 + h, y0 + h, stroke)
                canvas.fill(region: x0 - h, y1 - h, x1 + h, y1 + h, stroke)
                canvas.fill(region: x0 - h, y0 - h, x0 + h, y1 + h, stroke)
                canvas.fill(region: x1 - h, y0 - h, x1 + h, y1 + h, stroke)
            }
        case let .line(l):
            canvas.line(Point(x: l.x1 * u, y: l.y1 * u), Point(x: l.x2 * u, y: l.y2 * u), thickness: l.width * u, l.colour)
        case let .path(p):
            for run in p.runs {
                for (a, b) in zip(run, run.dropFirst()) {
                    canvas.line(Point(x: a.x * u, y: a.y * u), Point(x: b.x * u, y: b.y * u), thickness: p.width * u, p.colour)
                }
            }
        case let .circle(c):
            canvas.disc(c.cx * u, c.cy * u, c.r * u, c.fill)
        case let .text(t):
            let factor = max(1, clampedInt((t.size * u / 10).rounded()))
            canvas.text(t.string, x: t.x * u, y: t.y * u, factor: factor, anchor: t.anchor, bold: t.bold,
                        vertical: t.vertical, t.colour)
        case let .image(image):
            canvas.draw(image, left: image.x * u, top: image.y * u, right: (image.x + image.width) * u,
                        bottom: (image.y + image.height) * u)
        case let .group(_, _, items):
            for child in items { draw(child, unit: u, on: &canvas) }
        }
    }
}
