import Foundation

/// One cell of a cell-structured script: the lines between one `#%%` marker and the next.
struct Cell: Equatable {
    /// Its number, counting from 1 in file order.
    var number: Int
    /// The text after `#%%` on the marker line, trimmed; nil when there is none.
    var title: String?
    /// The file line (from 1) of the cell's first line, the one after its marker.
    var firstLine: Int
    /// The cell's lines as they are in the file, the marker line left out.
    var lines: [String]

    /// The code to show: the lines without the blank ones at either end.
    var code: String {
        let start = lines.firstIndex { !Self.isBlank($0) } ?? lines.endIndex
        let end = (lines.lastIndex { !Self.isBlank($0) }).map { $0 + 1 } ?? start
        return lines[start..<max(start, end)].joined(separator: "\n")
    }

    /// The code to run: the cell's lines preceded by as many empty lines as come before it
    /// in the file, so that line numbers in diagnostics are the file's.
    var runnableSource: String {
        String(repeating: "\n", count: max(0, firstLine - 1)) + lines.joined(separator: "\n")
    }

    /// The first line that is not blank, with its file line number, for listings.
    var firstCodeLine: (line: Int, text: String)? {
        guard let index = lines.firstIndex(where: { !Self.isBlank($0) }) else { return nil }
        return (firstLine + index, lines[index])
    }

    /// The title, or `Cell N` when there is none.
    var heading: String { title ?? "Cell \(number)" }

    /// Whether a line holds only spaces and tabs (or a carriage return).
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}

/// Why a script's cells could not be read.
struct CellFileError: Error, Equatable {
    /// What went wrong, in one line (`cannot open 'x.qml': no such file`).
    var message: String
}

/// A script split into cells at lines that start with `#%%` (or `# %%`, as some editors
/// write it), the convention editors use for Python. The rest of a marker line is the
/// cell's title. Markers count only in the first column, so they cannot split a block.
///
/// What comes before the first marker is a cell of its own when it holds code. When it
/// holds only comments, it is the file's introduction: reports show it as text under the
/// title, and it is not numbered among the cells. A file without markers is one cell.
struct CellFile {
    /// The path the file was read from, as given (diagnostics name it this way).
    let path: String
    /// The comment lines before the first marker (their `#` removed), when there is no code there.
    let introduction: [String]
    /// The cells, in file order.
    let cells: [Cell]

    /// Reads and splits the file at `path` (`~` is not expanded here).
    static func read(path: String) throws(CellFileError) -> CellFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CellFileError(message: "cannot open '\(path)': \(isDirectory.boolValue ? "it is a directory" : "no such file")")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CellFileError(message: "cannot read '\(path)'")
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw CellFileError(message: "'\(path)' is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return split(text, path: path)
    }

    /// Splits `text` into its introduction and cells.
    static func split(_ text: String, path: String) -> CellFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells: [Cell] = []
        var preamble: [String] = []
        var current: Cell?
        for (index, line) in lines.enumerated() {
            if let title = markerTitle(line) {
                if let cell = current { cells.append(cell) }
                current = Cell(number: cells.count + 1, title: title.isEmpty ? nil : title,
                               firstLine: index + 2, lines: [])
            } else if current != nil {
                current?.lines.append(line)
            } else {
                preamble.append(line)
            }
        }
        if let cell = current { cells.append(cell) }
        // A final newline leaves an empty last line; it is not part of the last cell.
        if let last = cells.indices.last, cells[last].lines.last == "", text.hasSuffix("\n") {
            cells[last].lines.removeLast()
        }

        let preambleHasCode = preamble.contains { !Cell.isBlank($0) && !isLineComment($0) }
        if preambleHasCode || cells.isEmpty && preamble.contains(where: { !Cell.isBlank($0) }) {
            while preamble.last.map(Cell.isBlank) == true { preamble.removeLast() }
            let first = Cell(number: 1, title: nil, firstLine: 1, lines: preamble)
            let renumbered = cells.map { cell -> Cell in
                var copy = cell
                copy.number += 1
                return copy
            }
            return CellFile(path: path, introduction: [], cells: [first] + renumbered)
        }
        let introduction = preamble.map(commentText)
        let start = introduction.firstIndex { !$0.isEmpty } ?? introduction.endIndex
        let end = (introduction.lastIndex { !$0.isEmpty }).map { $0 + 1 } ?? start
        return CellFile(path: path, introduction: Array(introduction[start..<max(start, end)]), cells: cells)
    }

    /// The title part of a marker line (possibly empty), or nil when `line` is not a marker.
    static func markerTitle(_ line: String) -> String? {
        for marker in ["#%%", "# %%"] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// Whether `line` is a `#` line comment (a `#[` block comment does not count).
    static func isLineComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("#") && !trimmed.hasPrefix("#[")
    }

    /// A comment line without its `#` and the space after it; a blank line stays empty.
    static func commentText(_ line: String) -> String {
        var text = Substring(line).drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("#") { text = text.dropFirst() }
        if text.hasPrefix(" ") { text = text.dropFirst() }
        return String(text).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
}
