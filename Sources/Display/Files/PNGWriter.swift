/// Writes figures as PNG images: 8-bit RGB, one IHDR, the pixels in IDAT chunks as a zlib
/// stream (compressed here, no system library), and IEND.
///
/// - Picture grids: each picture pixel is a `scale` × `scale` block, grey from its intensity
///   (0 black, 1 white) and masked pixels in red, framed by a one-pixel grey line on a white
///   background. With gap g = max(2, scale), picture k (column c = k % cols, row r = k / cols)
///   has its top-left pixel at x = g + c·(W·scale + g), y = T + g + r·(H·scale + C + g), where
///   W × H is the largest picture's size, T = 24 when the grid has a title (else 0) and
///   C = 14 when any picture has a caption (else 0). Captions and the title are drawn in a
///   small bitmap font.
/// - Heat maps: each cell a `scale` × `scale` block in the same colours as the SVG (blue-white-red
///   when diverging, viridis otherwise), with indices and a colour bar.
/// - Plots, histograms, tables and graph drawings: the SVG layout at 640 × 400 units (tables at their natural
///   size), each unit `scale` × `scale` pixels, lines drawn with Bresenham's algorithm and
///   text in the bitmap font (ASCII; other characters show as `?`).
///
/// `scale` 0 (the default) chooses: 2 for plots, histograms, tables and graph drawings (1 for
/// drawings larger than a million square units, such as pegasus(16)); for heat maps and
/// pictures the largest block (up to 64 and 16 pixels) that keeps the grid within about
/// 400 and 640 pixels. A scale that would make an image of more than 40 million pixels is
/// reduced until it does not (and no image is made larger than 32,768 pixels a side).
public enum PNGWriter {
    /// The most pixels an image is given before its scale is reduced.
    static let maximumPixels = 40_000_000

    /// The PNG file for `figure`.
    public static func png(_ figure: Figure, scale: Int = 0) -> [UInt8] {
        let canvas = raster(figure, scale: scale)
        return encode(width: canvas.width, height: canvas.height, rgb: canvas.rgb)
    }

    /// The pixels `png` encodes.
    static func raster(_ figure: Figure, scale: Int) -> FileDrawing.Canvas {
        switch figure {
        case let .plot(plot):
            return rasterizeLayout(scale: scale) { _ in FileDrawing.plotScene(plot, width: 640, height: 400) }
        case let .histogram(histogram):
            return rasterizeLayout(scale: scale) { _ in FileDrawing.histogramScene(histogram, width: 640, height: 400) }
        case let .table(table):
            return rasterizeLayout(scale: scale) { _ in FileDrawing.tableScene(table) }
        case let .graph(drawing):
            let scene = FileDrawing.graphScene(drawing)
            let automatic = scene.width * scene.height > 1_000_000 ? 1 : 2
            return rasterizeLayout(scale: scale > 0 ? scale : automatic) { _ in scene }
        case let .heatmap(heatmap):
            let automatic = max(1, min(64, 400 / max(1, max(heatmap.rows, heatmap.cols))))
            return rasterizeGrid(scale: scale > 0 ? scale : automatic) {
                FileDrawing.heatmapScene(heatmap, sizing: .pixels($0))
            }
        case let .pictures(grid):
            let columns = max(1, min(grid.cols, grid.pictures.count))
            let widest = max(1, grid.pictures.filter { FileDrawing.area($0.width, $0.height) != nil }.map(\.width).max() ?? 1)
            let automatic = max(1, min(16, 640 / (columns * widest)))
            return rasterizeGrid(scale: scale > 0 ? scale : automatic) {
                FileDrawing.pictureScene(grid, sizing: .pixels($0))
            }
        }
    }

    /// A scene laid out in units, rasterised at `scale` pixels per unit.
    private static func rasterizeLayout(scale: Int, _ layout: (Int) -> FileDrawing.Scene) -> FileDrawing.Canvas {
        let scene = layout(0)
        var unit = scale > 0 ? scale : 2
        let area = scene.width * scene.height
        while unit > 1, area * Double(unit * unit) > Double(maximumPixels) { unit -= 1 }
        return FileDrawing.rasterize(scene, unit: Double(unit))
    }

    /// A scene laid out in pixels with `scale` pixels per cell, smaller if it grows too large.
    private static func rasterizeGrid(scale: Int, _ layout: (Int) -> FileDrawing.Scene) -> FileDrawing.Canvas {
        var s = max(1, scale)
        var scene = layout(s)
        while s > 1, scene.width * scene.height > Double(maximumPixels) {
            let shrink = (Double(maximumPixels) / (scene.width * scene.height)).squareRoot()
            s = max(1, min(s - 1, Int(Double(s) * shrink)))
            scene = layout(s)
        }
        return FileDrawing.rasterize(scene, unit: 1)
    }

    /// A PNG file of `width` × `height` pixels from row-major RGB bytes (missing bytes are
    /// black, extra ones ignored; a zero size becomes one pixel).
    public static func encode(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        let w = max(1, width), h = max(1, height)
        let stride = w * 3
        var pixels = rgb
        if pixels.count < stride * h { pixels += [UInt8](repeating: 0, count: stride * h - pixels.count) }

        var filtered: [UInt8] = []
        filtered.reserveCapacity((stride + 1) * h)
        var candidate = [UInt8](repeating: 0, count: stride)
        var best = [UInt8](repeating: 0, count: stride)
        for y in 0..<h {
            let row = y * stride, above = row - stride
            var bestType: UInt8 = 0
            var bestCost = Int.max
            for type in UInt8(0)...4 {
                var cost = 0
                for i in 0..<stride {
                    let x = pixels[row + i]
                    let a = i >= 3 ? pixels[row + i - 3] : 0
                    let b = y > 0 ? pixels[above + i] : 0
                    let c = (i >= 3 && y > 0) ? pixels[above + i - 3] : 0
                    let predicted: UInt8
                    switch type {
                    case 0: predicted = 0
                    case 1: predicted = a
                    case 2: predicted = b
                    case 3: predicted = UInt8((Int(a) + Int(b)) / 2)
                    default: predicted = paeth(a, b, c)
                    }
                    let value = x &- predicted
                    candidate[i] = value
                    cost += value < 128 ? Int(value) : 256 - Int(value)
                }
                if cost < bestCost {
                    bestCost = cost; bestType = type
                    swap(&candidate, &best)
                }
            }
            filtered.append(bestType)
            filtered += best
        }

        var out: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        var header = bigEndian(UInt32(w)) + bigEndian(UInt32(h))
        header += [8, 2, 0, 0, 0]    // 8 bits, RGB, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header[...], to: &out)
        let stream = ZlibEncoder.compress(filtered)
        let pieceSize = 1 << 20
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + pieceSize)
            appendChunk("IDAT", stream[start..<end], to: &out)
            start = end
        }
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// The Paeth predictor of PNG filter type 4.
    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// Length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(data.count))
        out += typeBytes
        out += data
        out += bigEndian(ZlibChecksums.crc32(typeBytes + data))
    }
}
