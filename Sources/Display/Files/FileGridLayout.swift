import Foundation

extension FileDrawing {
    /// How big a cell grid is drawn: fitted into a fixed scene size (SVG), or at a whole
    /// number of pixels per cell with the scene sized to its content (PNG).
    enum GridSizing {
        case fit(width: Double, height: Double)
        case pixels(Int)
    }

    /// Heat maps with more cells (and picture grids with more pixels) than this are written
    /// as embedded images, not cell by cell.
    static let maximumCellRects = 16384

    /// The cell count of a `rows` × `cols` grid (negative sizes count as empty), or nil when
    /// it is beyond anything drawable (more than 100 million).
    static func area(_ rows: Int, _ cols: Int) -> Int? {
        let (product, overflow) = max(0, rows).multipliedReportingOverflow(by: max(0, cols))
        return overflow || product > 100_000_000 ? nil : product
    }

    /// Row or column indices worth labelling along `count` cells spanning `extent` units.
    static func indexTicks(count: Int, extent: Double) -> [Int] {
        guard count > 0 else { return [] }
        let target = max(1, min(count, Int(extent / 36)))
        let (m, k) = niceStep(span: Double(max(1, count - 1)), target: target)
        let step = k < 0 ? 1 : max(1, clampedInt(scaled(m, k)))
        return Array(stride(from: 0, to: count, by: step))
    }

    /// A heat map: square cells, row and column indices, and a colour bar with labelled values.
    /// In pixel sizing, text is drawn twice as large once the grid is 320 pixels or more.
    static func heatmapScene(_ heatmap: Heatmap, sizing: GridSizing) -> Scene {
        var rows = max(0, heatmap.rows), cols = max(0, heatmap.cols)
        if area(rows, cols) == nil { rows = 0; cols = 0 }
        var k = 1.0
        if case let .pixels(size) = sizing, max(1, size) * max(rows, cols) >= 320 { k = 2 }
        let tickSize = FontSize.tick * k, titleSize = FontSize.title * k
        let colours = ColourScale(heatmap)
        let bar = linearAxis(values: [], fixed: colours.low...colours.high, target: 5, extend: false)
        let barLabelWidth = ceil(Double(bar.widestLabel) * tickSize * 0.6)
        let rowLabelWidth = ceil(Double(String(max(0, rows - 1)).count) * tickSize * 0.6)
        let top: Double = heatmap.title == nil ? 12 : 34 * k
        let left = 10 + rowLabelWidth + 8 * k
        let bottom: Double = 12 + 18 * k
        let barGap: Double = 16, barWidth: Double = 14 * k
        let right = barGap + barWidth + 7 * k + barLabelWidth + 12

        let cell: Double, sceneWidth: Double, sceneHeight: Double
        var originX = left, originY = top
        switch sizing {
        case let .fit(width, height):
            let fitW = (width - left - right) / Double(max(1, cols))
            let fitH = (height - top - bottom) / Double(max(1, rows))
            cell = max(0.01, min(fitW, fitH))
            sceneWidth = width; sceneHeight = height
            let used = left + cell * Double(cols) + right
            originX += max(0, ((width - used) / 2).rounded(.down))
        case let .pixels(size):
            cell = Double(max(1, size))
            let gridHeight = cell * Double(rows)
            sceneWidth = left + cell * Double(cols) + right
            sceneHeight = top + max(gridHeight, 100 * k) + bottom
        }
        let gridWidth = cell * Double(cols), gridHeight = cell * Double(rows)
        if case .fit = sizing {
            let used = top + gridHeight + bottom
            originY += max(0, ((sceneHeight - used) / 2).rounded(.down))
        }
        var scene = Scene(width: sceneWidth, height: sceneHeight, title: heatmap.title)

        func value(_ r: Int, _ c: Int) -> Double {
            let i = r * cols + c
            return i < heatmap.values.count ? heatmap.values[i] : .nan
        }
        if rows * cols <= maximumCellRects {
            var cells: [Item] = []
            cells.reserveCapacity(rows * cols)
            for r in 0..<rows {
                for c in 0..<cols {
                    cells.append(.rect(Rect(x: originX + Double(c) * cell, y: originY + Double(r) * cell,
                                            width: cell, height: cell, fill: colours.colour(value(r, c)))))
                }
            }
            scene.items.append(.group(role: "cells", crisp: true, items: cells))
        } else {
            var rgb: [UInt8] = []
            rgb.reserveCapacity(rows * cols * 3)
            for r in 0..<rows {
                for c in 0..<cols {
                    let colour = colours.colour(value(r, c))
                    rgb += [colour.r, colour.g, colour.b]
                }
            }
            scene.items.append(.image(Image(x: originX, y: originY, width: gridWidth, height: gridHeight,
                                            columns: cols, rows: rows, rgb: rgb, role: "cells")))
        }
        // Frames sit just outside what they frame, so that no cell pixel is covered.
        scene.items.append(.rect(Rect(x: originX - 0.5, y: originY - 0.5, width: gridWidth + 1, height: gridHeight + 1,
                                      fill: nil, stroke: .axis, strokeWidth: 1, role: "frame")))

        var indexItems: [Item] = []
        for c in indexTicks(count: cols, extent: gridWidth / k) {
            let x = originX + (Double(c) + 0.5) * cell
            indexItems.append(.line(Line(x1: x, y1: originY + gridHeight, x2: x, y2: originY + gridHeight + 3 * k, colour: .axis)))
            indexItems.append(.text(Text(x: x, y: originY + gridHeight + 6 * k + tickSize * 0.8, string: String(c),
                                         size: tickSize, anchor: .middle)))
        }
        for r in indexTicks(count: rows, extent: gridHeight / k) {
            let y = originY + (Double(r) + 0.5) * cell
            indexItems.append(.line(Line(x1: originX - 3 * k, y1: y, x2: originX, y2: y, colour: .axis)))
            indexItems.append(.text(Text(x: originX - 6 * k, y: y + tickSize * 0.35, string: String(r),
                                         size: tickSize, anchor: .end)))
        }
        scene.items.append(.group(role: "indices", crisp: false, items: indexItems))

        // The colour bar: low values at the bottom.
        let barX = originX + gridWidth + barGap, barY = originY
        let barHeight = max(gridHeight, min(100 * k, sceneHeight - top - bottom))
        let strips = max(1, min(64, Int(barHeight)))
        var stripItems: [Item] = []
        for j in 0..<strips {
            let y0 = barY + barHeight * Double(strips - 1 - j) / Double(strips)
            let y1 = barY + barHeight * Double(strips - j) / Double(strips)
            let t = (Double(j) + 0.5) / Double(strips)
            stripItems.append(.rect(Rect(x: barX, y: y0, width: barWidth, height: y1 - y0,
                                         fill: colour(at: t, stops: colours.stops))))
        }
        scene.items.append(.group(role: "colourbar", crisp: true, items: stripItems))
        scene.items.append(.rect(Rect(x: barX - 0.5, y: barY - 0.5, width: barWidth + 1, height: barHeight + 1,
                                      fill: nil, stroke: .axis, strokeWidth: 1, role: "frame")))
        var barTicks: [Item] = []
        var barAxis = bar
        barAxis.start = barY + barHeight; barAxis.end = barY
        for tick in barAxis.ticks {
            guard let y = barAxis.position(tick.value), let label = tick.label else { continue }
            barTicks.append(.line(Line(x1: barX + barWidth, y1: y, x2: barX + barWidth + 4 * k, y2: y, colour: .axis)))
            barTicks.append(.text(Text(x: barX + barWidth + 7 * k, y: y + tickSize * 0.35, string: label, size: tickSize)))
        }
        scene.items.append(.group(role: "colourbar-ticks", crisp: false, items: barTicks))

        if let title = heatmap.title {
            scene.items.append(.text(Text(x: sceneWidth / 2, y: 22 * k, string: title, size: titleSize,
                                          anchor: .middle, bold: true, role: "title")))
        }
        return scene
    }

    /// Where the pictures of a grid go.
    struct PictureGridGeometry {
        var scale: Double
        var gap: Double
        var titleBand: Double
        var captionBand: Double
        var slotWidth: Int
        var slotHeight: Int
        var columns: Int
        var rows: Int
        var originX: Double
        var originY: Double
        var width: Double
        var height: Double

        /// Top-left corner of picture `index`'s slot.
        func slot(_ index: Int) -> Point {
            let c = index % columns, r = index / columns
            return Point(x: originX + gap + Double(c) * (Double(slotWidth) * scale + gap),
                         y: originY + titleBand + gap + Double(r) * (Double(slotHeight) * scale + captionBand + gap))
        }
    }

    /// The geometry of a picture grid. In pixel sizing each picture pixel is `s` × `s`, the
    /// gap between pictures is max(2, s), the title band 24 and the caption band 14 pixels
    /// (each only when there is a title or any caption), and the grid starts at the origin.
    static func pictureGeometry(_ grid: PictureGrid, sizing: GridSizing) -> PictureGridGeometry {
        let count = grid.pictures.count
        let columns = max(1, min(grid.cols, max(1, count)))
        let rows = max(1, (count + columns - 1) / columns)
        let drawable = grid.pictures.filter { area($0.width, $0.height) != nil }
        let slotWidth = max(1, drawable.map(\.width).max() ?? 1)
        let slotHeight = max(1, drawable.map(\.height).max() ?? 1)
        let hasCaption = grid.pictures.contains { !($0.caption ?? "").isEmpty }
        switch sizing {
        case let .fit(width, height):
            // The width is given; the height is what the grid needs at that width, up to 2.5 ×
            // the given height, beyond which the pictures shrink.
            let gap: Double = 10
            let titleBand: Double = grid.title == nil ? 0 : 30
            let captionBand: Double = hasCaption ? 16 : 0
            let budget = max(height, 2.5 * height)
            let fitW = (width - gap * Double(columns + 1)) / Double(columns * slotWidth)
            let fitH = (budget - titleBand - gap - Double(rows) * (captionBand + gap)) / Double(rows * slotHeight)
            let scale = max(0.01, min(fitW, fitH))
            let usedW = gap + Double(columns) * (Double(slotWidth) * scale + gap)
            let usedH = titleBand + gap + Double(rows) * (Double(slotHeight) * scale + captionBand + gap)
            return PictureGridGeometry(scale: scale, gap: gap, titleBand: titleBand, captionBand: captionBand,
                                       slotWidth: slotWidth, slotHeight: slotHeight, columns: columns, rows: rows,
                                       originX: max(0, ((width - usedW) / 2).rounded(.down)), originY: 0,
                                       width: width, height: usedH.rounded(.up))
        case let .pixels(size):
            let s = Double(max(1, size))
            let gap = Double(max(2, size))
            let titleBand: Double = grid.title == nil ? 0 : 24
            let captionBand: Double = hasCaption ? 14 : 0
            return PictureGridGeometry(scale: s, gap: gap, titleBand: titleBand, captionBand: captionBand,
                                       slotWidth: slotWidth, slotHeight: slotHeight, columns: columns, rows: rows,
                                       originX: 0, originY: 0,
                                       width: gap + Double(columns) * (Double(slotWidth) * s + gap),
                                       height: titleBand + gap + Double(rows) * (Double(slotHeight) * s + captionBand + gap))
        }
    }

    /// A picture grid: grey pixels (masked ones highlighted) in a thin frame, captions below.
    /// Runs of equal pixels in a row become one rectangle; grids of more than 16,384 pixels
    /// draw each picture as one image instead.
    static func pictureScene(_ grid: PictureGrid, sizing: GridSizing) -> Scene {
        let geometry = pictureGeometry(grid, sizing: sizing)
        let s = geometry.scale
        var scene = Scene(width: geometry.width, height: geometry.height, title: grid.title)
        let totalPixels = grid.pictures.reduce(0) { $0 + (area($1.width, $1.height) ?? 0) }
        let embedAsImages = totalPixels > maximumCellRects
        for (index, picture) in grid.pictures.enumerated() {
            let slot = geometry.slot(index)
            let fits = area(picture.width, picture.height) != nil
            let w = fits ? max(0, picture.width) : 0, h = fits ? max(0, picture.height) : 0
            let x = slot.x + (Double((geometry.slotWidth - w) / 2) * s)
            let y = slot.y + (Double((geometry.slotHeight - h) / 2) * s)
            func colour(_ i: Int) -> RGB {
                if let mask = picture.mask, i < mask.count, mask[i] { return .highlight }
                return i < picture.pixels.count ? grey(picture.pixels[i]) : grey(.nan)
            }
            var items: [Item] = []
            if embedAsImages {
                var rgb: [UInt8] = []
                rgb.reserveCapacity(w * h * 3)
                for i in 0..<(w * h) {
                    let c = colour(i)
                    rgb += [c.r, c.g, c.b]
                }
                items.append(.image(Image(x: x, y: y, width: Double(w) * s, height: Double(h) * s,
                                          columns: w, rows: h, rgb: rgb)))
            }
            for r in 0..<h where !embedAsImages {
                var start = 0
                while start < w {
                    let c = colour(r * w + start)
                    var end = start + 1
                    while end < w, colour(r * w + end) == c { end += 1 }
                    items.append(.rect(Rect(x: x + Double(start) * s, y: y + Double(r) * s,
                                            width: Double(end - start) * s, height: s, fill: c)))
                    start = end
                }
            }
            items.append(.rect(Rect(x: x - 0.5, y: y - 0.5, width: Double(w) * s + 1, height: Double(h) * s + 1,
                                    fill: nil, stroke: .pictureFrame, strokeWidth: 1, role: "frame")))
            scene.items.append(.group(role: "picture", crisp: true, items: items))
            if let caption = picture.caption, !caption.isEmpty {
                let slotPixels = Double(geometry.slotWidth) * s
                let fits = max(3, Int(slotPixels / (FontSize.caption * 0.6)))
                scene.items.append(.text(Text(x: slot.x + slotPixels / 2,
                                              y: slot.y + Double(geometry.slotHeight) * s + 3 + FontSize.caption * 0.8,
                                              string: truncated(caption, to: fits), size: FontSize.caption,
                                              anchor: .middle, role: "caption")))
            }
        }
        if let title = grid.title {
            scene.items.append(.text(Text(x: geometry.width / 2, y: geometry.originY + geometry.titleBand - 8,
                                          string: title, size: FontSize.title, anchor: .middle, bold: true, role: "title")))
        }
        return scene
    }
}
