// A grid of dots to draw plots on: braille characters (2 × 4 dots per character) or, in
// ASCII, one marker character per dot.

extension TerminalRenderer {
    struct DotCanvas {
        /// Size in characters.
        let columns: Int
        let rows: Int
        /// Dots per character across and down.
        let dotsAcross: Int
        let dotsDown: Int
        private var bits: [UInt8]
        private var marks: [Character]
        /// The series that last drew in each character, or -1.
        private var owners: [Int]

        init(columns: Int, rows: Int, braille: Bool) {
            self.columns = max(1, columns); self.rows = max(1, rows)
            dotsAcross = braille ? 2 : 1
            dotsDown = braille ? 4 : 1
            bits = Array(repeating: 0, count: self.columns * self.rows)
            marks = Array(repeating: " ", count: self.columns * self.rows)
            owners = Array(repeating: -1, count: self.columns * self.rows)
        }

        var dotWidth: Int { columns * dotsAcross }
        var dotHeight: Int { rows * dotsDown }

        /// Braille dot bits by (column within character, row within character).
        private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

        /// Sets the dot at (x, y), counted from the top left, for series `series`; dots
        /// outside the canvas are ignored.
        mutating func set(_ x: Int, _ y: Int, series: Int, marker: Character) {
            guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
            let i = (y / dotsDown) * columns + x / dotsAcross
            if dotsAcross == 2 {
                bits[i] |= Self.brailleBits[x % 2][y % 4]
            } else {
                marks[i] = marker
            }
            owners[i] = series
        }

        /// Sets the dot nearest to `p` (in dot coordinates), if it lies on the canvas.
        mutating func point(_ p: (Double, Double), series: Int, marker: Character) {
            guard p.0 > -0.5, p.1 > -0.5, p.0 < Double(dotWidth) - 0.5, p.1 < Double(dotHeight) - 0.5 else { return }
            set(Int(p.0.rounded()), Int(p.1.rounded()), series: series, marker: marker)
        }

        /// Draws a line between two points in dot coordinates (clipped to the canvas),
        /// switching dots on where `pattern` is true, counting steps in `phase`.
        mutating func line(from p: (Double, Double), to q: (Double, Double), series: Int, marker: Character,
                           pattern: [Bool], phase: inout Int) {
            guard let (a, b) = clip(p, q) else { return }
            var x0 = Int(a.0.rounded()), y0 = Int(a.1.rounded())
            let x1 = Int(b.0.rounded()), y1 = Int(b.1.rounded())
            let dx = abs(x1 - x0), dy = -abs(y1 - y0)
            let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
            var err = dx + dy
            while true {
                if pattern.isEmpty || pattern[phase % pattern.count] { set(x0, y0, series: series, marker: marker) }
                phase += 1
                if x0 == x1 && y0 == y1 { break }
                let e2 = 2 * err
                if e2 >= dy { err += dy; x0 += sx }
                if e2 <= dx { err += dx; y0 += sy }
            }
        }

        /// The part of the segment p–q inside the canvas (Liang–Barsky), or nil.
        private func clip(_ p: (Double, Double), _ q: (Double, Double)) -> ((Double, Double), (Double, Double))? {
            let xmin = -0.49, ymin = -0.49
            let xmax = Double(dotWidth) - 0.51, ymax = Double(dotHeight) - 0.51
            guard p.0.isFinite, p.1.isFinite, q.0.isFinite, q.1.isFinite else { return nil }
            let dx = q.0 - p.0, dy = q.1 - p.1
            guard dx.isFinite, dy.isFinite else { return nil }
            var t0 = 0.0, t1 = 1.0
            for (pk, qk) in [(-dx, p.0 - xmin), (dx, xmax - p.0), (-dy, p.1 - ymin), (dy, ymax - p.1)] {
                if pk == 0 {
                    if qk < 0 { return nil }
                } else {
                    let r = qk / pk
                    if pk < 0 { if r > t1 { return nil }; t0 = max(t0, r) } else { if r < t0 { return nil }; t1 = min(t1, r) }
                }
            }
            guard t0.isFinite, t1.isFinite else { return nil }
            return ((p.0 + t0 * dx, p.1 + t0 * dy), (p.0 + t1 * dx, p.1 + t1 * dy))
        }

        /// Row `r` as cells, each drawn character in the colour of its series.
        func cells(row r: Int, colour: (Int) -> Paint?) -> Line {
            (0..<columns).map { c in
                let i = r * columns + c
                guard owners[i] >= 0 else { return .blank }
                let ch: Character
                if dotsAcross == 2 {
                    ch = Character(Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " ")
                } else {
                    ch = marks[i]
                }
                return Cell(ch, fg: colour(owners[i]))
            }
        }
    }
}
