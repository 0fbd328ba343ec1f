// Picture grids: half-block characters (▀, foreground the upper pixel, background the
// lower) in grey, masked pixels in the highlight colour, captions centred under each
// picture; without colour, one shade character per pixel.

extension TerminalRenderer {
    /// Shades of the colourless pictures, from black to white.
    static let unicodeShades: [Character] = [" ", "░", "▒", "▓", "█"]
    static let asciiShades: [Character] = [" ", ".", ":", "#"]

    /// One picture's pixels after shrinking it by `down` (averages of `down` × `down`
    /// blocks; a block is masked when any of its pixels is).
    struct PixelGrid {
        var width: Int
        var height: Int
        var values: [Double]
        var masked: [Bool]

        init(_ p: Picture, down: Int) {
            width = (p.width + down - 1) / down
            height = (p.height + down - 1) / down
            values = Array(repeating: .nan, count: width * height)
            masked = Array(repeating: false, count: width * height)
            for y in 0..<height {
                for x in 0..<width {
                    var sum = 0.0, n = 0, mask = false
                    for py in (y * down)..<min(p.height, y * down + down) {
                        for px in (x * down)..<min(p.width, x * down + down) {
                            let i = py * p.width + px
                            if i < p.pixels.count, p.pixels[i].isFinite { sum += p.pixels[i]; n += 1 }
                            if let m = p.mask, i < m.count, m[i] { mask = true }
                        }
                    }
                    values[y * width + x] = n > 0 ? sum / Double(n) : .nan
                    masked[y * width + x] = mask
                }
            }
        }

        /// The colour of pixel (x, y), nil outside the picture or for a NaN pixel.
        func paint(_ x: Int, _ y: Int) -> Paint? {
            guard x >= 0, y >= 0, x < width, y < height else { return nil }
            let i = y * width + x
            if masked[i] { return highlight }
            return values[i].isFinite ? greyPaint(values[i]) : nil
        }
    }

    /// The lines of one picture, shrunk to at most `maxWidth` columns.
    static func pictureLines(_ p: Picture, maxWidth: Int, caps: TerminalCapabilities) -> [Line] {
        guard p.width > 0, p.height > 0, p.width < 1 << 20, p.height < 1 << 20, p.width * p.height <= 1 << 26 else { return [] }
        let down = max(1, (p.width + maxWidth - 1) / max(1, maxWidth))
        let g = PixelGrid(p, down: down)
        var lines: [Line] = []
        if caps.colour != .none && caps.unicode {
            for l in 0..<((g.height + 1) / 2) {
                lines.append((0..<g.width).map { x in
                    let top = g.paint(x, 2 * l), bottom = g.paint(x, 2 * l + 1)
                    if let top { return Cell("▀", fg: top, bg: bottom) }
                    if let bottom { return Cell("▄", fg: bottom) }
                    return .blank
                })
            }
        } else if caps.colour != .none {
            // Coloured spaces, two per pixel when they fit so that pixels stay square.
            let repeats = 2 * g.width <= maxWidth ? 2 : 1
            for y in 0..<g.height {
                lines.append((0..<g.width).flatMap { x in
                    Array(repeating: g.paint(x, y).map { Cell(" ", bg: $0) } ?? .blank, count: repeats)
                })
            }
        } else {
            let shades = caps.unicode ? unicodeShades : asciiShades
            for y in 0..<g.height {
                lines.append((0..<g.width).map { x in
                    let i = y * g.width + x
                    if g.masked[i] { return Cell("x") }
                    let v = g.values[i]
                    guard v.isFinite else { return Cell("?") }
                    return Cell(shades[min(shades.count - 1, Int(min(1, max(0, v)) * Double(shades.count)))])
                })
            }
        }
        return lines
    }

    static func renderPictures(_ grid: PictureGrid, _ caps: TerminalCapabilities) -> [Line] {
        let width = max(1, caps.width)
        var out: [Line] = []
        guard !grid.pictures.isEmpty else { return titled(grid.title, [], caps: caps) + noteLines(["there are no pictures"], caps: caps) }
        let gap = 2
        let blocks = grid.pictures.map { pictureLines($0, maxWidth: width, caps: caps) }
        let captions = grid.pictures.map { $0.caption.map(sanitized) }
        let widest = blocks.map { $0.map(\.count).max() ?? 0 }.max() ?? 0
        let longest = captions.map { $0.map { columns(of: $0) } ?? 0 }.max() ?? 0
        // Captions may widen a picture's slot a little; longer ones are cut.
        let slot = max(1, min(width, max(widest, min(longest, max(widest + 4, 12)))))
        let perRow = max(1, min(grid.cols, (width + gap) / (slot + gap)))
        var notes: [String] = []
        if perRow < grid.cols && grid.pictures.count > perRow {
            notes.append("\(perRow) of \(grid.cols) pictures per row fit in \(width) columns")
        }
        if blocks.contains(where: { $0.isEmpty }) { notes.append("pictures without pixels (or with too many) are left blank") }
        let spacer = Array(repeating: Cell.blank, count: gap)
        var start = 0
        while start < blocks.count {
            let end = min(blocks.count, start + perRow)
            if start > 0 { out.append([]) }
            let height = blocks[start..<end].map(\.count).max() ?? 0
            for l in 0..<height {
                var line: Line = []
                for k in start..<end {
                    if k > start { line += spacer }
                    line += fitted(l < blocks[k].count ? blocks[k][l] : [], width: slot, align: .centre)
                }
                out.append(line)
            }
            if captions[start..<end].contains(where: { $0 != nil }) {
                var line: Line = []
                for k in start..<end {
                    if k > start { line += spacer }
                    let text = truncated(captions[k] ?? "", to: slot, unicode: caps.unicode)
                    line += fitted(cells(text), width: slot, align: .centre)
                }
                out.append(line)
            }
            start = end
        }
        return titled(grid.title, out, caps: caps) + noteLines(notes, caps: caps)
    }
}
