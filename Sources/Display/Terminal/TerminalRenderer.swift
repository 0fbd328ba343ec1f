/// Draws figures as text for a terminal: braille plots, block-element histograms,
/// half-block heat maps and picture grids, and aligned tables.
///
/// Every line of the result fits `caps.width` columns. With `caps.colour == .none` the text
/// holds no escape sequences at all; with `caps.unicode == false` the renderer uses ASCII
/// characters for everything it draws itself (titles, labels and table cells are shown as
/// given, with control characters replaced).
public enum TerminalRenderer {
    /// Renders `figure` for a terminal with capabilities `caps`.
    ///
    /// - Parameters:
    ///   - figure: what to draw.
    ///   - caps: the width, colour depth and character set of the terminal.
    ///   - height: the height in text rows of the drawing area of plots and histograms;
    ///     nil chooses one from the width (a quarter of it, between 6 and 20 rows); at most 500.
    /// - Returns: the lines of the drawing joined by newlines, without a final newline.
    public static func render(_ figure: Figure, _ caps: TerminalCapabilities, height: Int? = nil) -> String {
        if let images = caps.images, InlineImage.suits(figure) { return InlineImage.encode(figure, images) }
        let rows = min(500, max(2, height ?? min(20, max(6, caps.width / 4))))
        let lines: [Line]
        switch figure {
        case .plot(let plot): lines = renderPlot(plot, caps, rows: rows)
        case .histogram(let histogram): lines = renderHistogram(histogram, caps, rows: rows)
        case .heatmap(let heatmap): lines = renderHeatmap(heatmap, caps)
        case .pictures(let grid): lines = renderPictures(grid, caps)
        case .table(let table): lines = renderTable(table, caps)
        case .graph(let drawing): lines = renderGraph(drawing, caps)
        }
        return emit(lines, caps)
    }
}
