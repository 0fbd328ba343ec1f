import Foundation
import QML

/// The script `:cells` listed last in this process, which `:cell N` takes its cells from.
/// Only the path is kept: `:cell` reads the file again each time, so a cell edited in
/// another window runs as it is now.
final class CellsMemory: @unchecked Sendable {
    /// The one session's memory (qrepl runs at most one session).
    static let shared = CellsMemory()

    private let lock = NSLock()
    private var storedPath: String?

    /// The path given to the last `:cells`, if any.
    var path: String? {
        get { lock.withLock { storedPath } }
        set { lock.withLock { storedPath = newValue } }
    }
}

/// `:cells FILE` and `:cell N`.
extension REPLCommands {
    /// Lists the cells of `argument` (or of the file listed last): number and title, then
    /// the file line and text of its first line of code.
    func listCells(_ argument: String) {
        let path: String
        if !argument.isEmpty {
            path = Paths.expandingTilde(Self.unquoted(argument))
        } else if let remembered = CellsMemory.shared.path {
            path = remembered
        } else {
            return usage("cells")
        }
        let file: CellFile
        do {
            file = try CellFile.read(path: path)
        } catch {
            Console.error(error.message + "\n")
            return
        }
        CellsMemory.shared.path = path
        Console.output(Self.cellListing(file))
    }

    /// Runs cell `argument` of the file listed last, as if its code had been typed: its
    /// value is shown after `=>` and kept in `ans`, its names stay defined, and `:save`
    /// writes its code. Line numbers in errors are the file's.
    func runCell(_ argument: String) {
        guard let path = CellsMemory.shared.path else {
            Console.error("no cells listed yet; use :cells FILE first\n")
            return
        }
        guard !argument.isEmpty else { return usage("cell") }
        let file: CellFile
        do {
            file = try CellFile.read(path: path)
        } catch {
            Console.error(error.message + "\n")
            return
        }
        let count = file.cells.count
        guard let number = Int(argument) else {
            Console.error("':cell' takes a cell number, not '\(argument)'; :cells lists them\n")
            return
        }
        guard count > 0 else {
            Console.error("\(path) has no cells\n")
            return
        }
        guard (1...count).contains(number) else {
            Console.error("\(path) has \(count) cell\(count == 1 ? "" : "s"): choose 1 to \(count)\n")
            return
        }
        let cell = file.cells[number - 1]
        Console.output("# cell \(number)/\(count)\(cell.title.map { ": " + $0 } ?? "")\n")
        Interrupts.acknowledge()
        let reply = repl.interpreter.evaluateInteractive(cell.runnableSource, name: path)
        if repl.show(reply) && !cell.code.isEmpty {
            repl.appendToTranscript(cell.code)
        }
        Interrupts.acknowledge()
    }

    /// The text `:cells` prints for a file.
    static func cellListing(_ file: CellFile) -> String {
        let count = file.cells.count
        guard count > 0 else { return "\(file.path) has no cells\n" }
        var text = "\(file.path): \(count) cell\(count == 1 ? "" : "s"); :cell N runs one\n"
        let numberWidth = String(count).count
        for cell in file.cells {
            let number = String(cell.number)
            text += "  " + String(repeating: " ", count: numberWidth - number.count) + number + "  "
            text += (cell.title ?? "(untitled)") + "\n"
            let indent = String(repeating: " ", count: numberWidth + 4)
            if let first = cell.firstCodeLine {
                var code = first.text.trimmingCharacters(in: .whitespaces)
                if code.count > 64 { code = String(code.prefix(63)) + "…" }
                text += indent + "line \(first.line): \(code)\n"
            } else {
                text += indent + "(empty)\n"
            }
        }
        return text
    }
}
