import Foundation
import QML
import Display

/// What one cell did when a report ran it.
struct CellOutcome {
    /// How the cell ended.
    enum Status: Equatable {
        /// It ran to the end.
        case succeeded
        /// It stopped with an error (its diagnostic is in `diagnostic`).
        case failed
        /// Ctrl-C stopped it; the cells after it did not run.
        case interrupted
        /// It did not run, because Ctrl-C stopped an earlier cell.
        case skipped
    }

    /// The cell that ran.
    let cell: Cell
    /// How it ended.
    var status: Status
    /// What it printed and the figures it displayed, in the order it produced them; the
    /// text ends with `=> value` when the cell ended with a value. ANSI escapes are removed.
    var parts: [CellPart] = []
    /// The rendered diagnostic (no colour) of a failed cell.
    var diagnostic: String?
    /// The seeds random functions used while it ran.
    var seeds: [Int] = []
    /// How long it ran, in seconds.
    var seconds: Double = 0

    /// The figures it displayed, in order.
    var figures: [ReportFigure] {
        parts.compactMap { if case .figure(let figure) = $0 { return figure }; return nil }
    }
}

/// A piece of what a cell produced: printed text, or a figure.
enum CellPart {
    case text(String)
    case figure(ReportFigure)
}

/// One figure a report shows, written next to it as `fig-N.svg`.
struct ReportFigure {
    /// Its number in the whole report, from 1.
    let number: Int
    /// The SVG document.
    let svg: String

    /// The file name of the figure, relative to the report's directory.
    var fileName: String { "fig-\(number).svg" }
}

/// A finished report run: everything the Markdown and HTML documents show.
struct ReportRun {
    /// The script, as split into cells.
    let file: CellFile
    /// The report's name: the script's file name without `.qml`.
    let name: String
    /// When the run started.
    let started: Date
    /// How long all the cells took, in seconds.
    let seconds: Double
    /// The arguments the script saw as `args`.
    let arguments: [String]
    /// Every seed random functions used, in order.
    let seeds: [Int]
    /// One outcome per cell, in order.
    let outcomes: [CellOutcome]
    /// What the script passed to `record(...)`: names and values as text, in order.
    var records: [(String, String)] = []
    /// The same run record `--record` writes (command, version, timing, seeds, records).
    var recordJSON = ""

    /// How many cells failed (an interrupted cell counts as failed).
    var failures: Int { outcomes.filter { $0.status == .failed || $0.status == .interrupted }.count }
}

/// `qrepl report FILE.qml [-o DIR]`: runs a script's cells in order in one interpreter
/// (names persist from cell to cell), collecting each cell's printed output, value,
/// figures, seeds and time, and writes `DIR/NAME.md`, a self-contained `DIR/NAME.html`,
/// the run record `DIR/record.json`
/// and one `DIR/fig-N.svg` per figure. A failing cell is recorded with its diagnostic
/// and the next cell runs; Ctrl-C stops the run, and what ran so far is still written.
///
/// While it runs, one line per cell goes to standard error (with the diagnostic of a
/// failing cell); the paths written go to standard output.
struct ReportCommand {
    /// The script to run.
    let path: String
    /// Where to write; nil means `report-NAME` in the current directory.
    let outputDirectory: String?
    /// What the script sees as `args`.
    let arguments: [String]
    /// Whether diagnostics echoed to standard error may be coloured.
    let colour: Bool

    /// The report's name for a script path: its file name without the `.qml` extension.
    static func reportName(for path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let name = file.hasSuffix(".qml") ? String(file.dropLast(4)) : file
        return name.isEmpty ? "report" : name
    }

    /// The directory written to when none is given: `report-NAME` in the current directory.
    static func defaultDirectory(for path: String) -> String {
        "report-" + reportName(for: path)
    }

    /// Runs the report and returns the exit status: 0 when every cell succeeded, 1 when
    /// one failed or the report could not be written, 2 when the script cannot be read,
    /// 130 when Ctrl-C stopped it.
    func run() -> Int32 {
        let file: CellFile
        do {
            file = try CellFile.read(path: path)
        } catch {
            Console.error("qrepl: \(error.message)\n")
            return 2
        }
        let directory = outputDirectory ?? Self.defaultDirectory(for: path)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Console.error("qrepl: cannot create the report directory '\(directory)': \(error.localizedDescription)\n")
            return 1
        }

        let runner = ReportRunner(file: file, arguments: arguments, colour: colour)
        let run = runner.runCells(name: Self.reportName(for: path))
        let written = write(run, to: directory)
        if !written { return 1 }
        if run.outcomes.contains(where: { $0.status == .interrupted }) { return ScriptRunner.interruptedStatus }
        return run.failures > 0 ? 1 : 0
    }

    /// Writes the figures, the Markdown and the HTML. Returns false, after saying why,
    /// when a file could not be written.
    private func write(_ run: ReportRun, to directory: String) -> Bool {
        var succeeded = true
        func save(_ text: String, _ fileName: String) -> String? {
            let target = (directory as NSString).appendingPathComponent(fileName)
            do {
                try text.write(toFile: target, atomically: true, encoding: .utf8)
                return target
            } catch {
                Console.error("qrepl: cannot write \(target): \(error.localizedDescription)\n")
                succeeded = false
                return nil
            }
        }
        for figure in run.outcomes.flatMap(\.figures) {
            _ = save(figure.svg, figure.fileName)
        }
        _ = save(run.recordJSON, "record.json")
        let markdown = save(ReportDocument.markdown(run), run.name + ".md")
        let html = save(ReportDocument.html(run), run.name + ".html")
        if let markdown, let html {
            let cells = run.outcomes.count
            let failed = run.failures == 0 ? "" : ", \(run.failures) failed"
            Console.output("wrote \(markdown) and \(html) (\(cells) cell\(cells == 1 ? "" : "s")\(failed))\n")
        }
        return succeeded
    }
}

/// Runs the cells of one file in a fresh interpreter and collects what each did.
final class ReportRunner {
    /// The script's cells.
    let file: CellFile
    /// The interpreter every cell runs in, so names persist from one cell to the next.
    let interpreter: Interpreter
    /// Whether diagnostics echoed to standard error may be coloured.
    let colour: Bool

    /// What the running cell prints and displays, filled by the interpreter's sinks.
    private let collected: Collected
    /// Figures written for earlier cells.
    private var figureCount = 0

    /// Creates the interpreter: `print` output and displayed figures are collected
    /// rather than shown; rendered diagnostics have no colour.
    init(file: CellFile, arguments: [String], colour: Bool) {
        self.file = file
        self.colour = colour
        let collected = Collected()
        self.collected = collected
        var options = Interpreter.Options()
        options.colour = false
        options.arguments = QuickMode.arguments(arguments, environment: ProcessInfo.processInfo.environment)
        options.output = { text in collected.add(text) }
        ReportFigures.connect(&options) { figure in collected.items.append(.figure(figure)) }
        interpreter = Interpreter(options: options)
        for problem in interpreter.startupProblems {
            Console.error(interpreter.render(problem))
        }
    }

    /// The text and figures the running cell has produced so far, in order.
    private final class Collected {
        enum Item {
            case text(String)
            case figure(Figure)
        }
        var items: [Item] = []

        /// Adds printed text, joining it to text printed just before.
        func add(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let before) = items.last {
                items[items.count - 1] = .text(before + text)
            } else {
                items.append(.text(text))
            }
        }
    }

    /// Runs every cell in order, echoing one line per cell to standard error.
    func runCells(name: String) -> ReportRun {
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var outcomes: [CellOutcome] = []
        var stopped = false
        for cell in file.cells {
            if stopped {
                outcomes.append(CellOutcome(cell: cell, status: .skipped))
                continue
            }
            let (outcome, diagnostic) = run(cell)
            outcomes.append(outcome)
            announce(outcome)
            if let diagnostic { echo(diagnostic) }
            stopped = outcome.status == .interrupted
        }
        let total = clock.now - start
        var run = ReportRun(file: file, name: name, started: started, seconds: Self.seconds(total),
                            arguments: interpreter.options.arguments, seeds: interpreter.seedsUsed,
                            outcomes: outcomes)
        run.records = interpreter.records.map { ($0.0, ValueFormatter.describe($0.1, limit: 200)) }
        run.recordJSON = interpreter.runRecordJSON(command: ["qrepl", "report", file.path] + interpreter.options.arguments,
                                                   startTime: started, wallTime: run.seconds)
        return run
    }

    /// Runs one cell with its lines numbered as in the file. Returns what it did, and the
    /// diagnostic when it failed with an error (not when Ctrl-C stopped it).
    func run(_ cell: Cell) -> (CellOutcome, Diagnostic?) {
        collected.items = []
        let seedsBefore = interpreter.seedsUsed.count
        Interrupts.acknowledge()
        let clock = ContinuousClock()
        let start = clock.now
        let reply = interpreter.evaluateInteractive(cell.runnableSource, name: file.path)
        let elapsed = clock.now - start

        var outcome = CellOutcome(cell: cell, status: .succeeded)
        outcome.seconds = Self.seconds(elapsed)
        outcome.seeds = Array(interpreter.seedsUsed.dropFirst(seedsBefore))
        var error: Diagnostic?
        switch reply {
        case .value(let display):
            if case .text(let before) = collected.items.last, !before.hasSuffix("\n") { collected.add("\n") }
            collected.add(display.contains("\n") ? "=>\n\(display)\n" : "=> \(display)\n")
        case .nothing:
            break
        case .failure(let diagnostic):
            if Interrupts.pending {
                outcome.status = .interrupted
                outcome.diagnostic = "interrupted (Ctrl-C)"
            } else {
                outcome.status = .failed
                outcome.diagnostic = ReportText.withoutEscapes(interpreter.render(diagnostic))
                error = diagnostic
            }
        }
        Interrupts.acknowledge()
        outcome.parts = collected.items.compactMap { item -> CellPart? in
            switch item {
            case .text(let text):
                let plain = ReportText.withoutEscapes(text)
                return plain.isEmpty ? nil : .text(plain)
            case .figure(let figure):
                figureCount += 1
                return .figure(ReportFigures.make(figure, number: figureCount))
            }
        }
        return (outcome, error)
    }

    /// `[2/5] Title  0.12 s` (with `failed` or `interrupted` when it did not succeed) on standard error.
    private func announce(_ outcome: CellOutcome) {
        let cell = outcome.cell
        var line = "[\(cell.number)/\(file.cells.count)] \(cell.heading)  \(ReportText.duration(outcome.seconds))"
        switch outcome.status {
        case .failed: line += "  failed"
        case .interrupted: line += "  interrupted"
        case .succeeded, .skipped: break
        }
        if !outcome.figures.isEmpty {
            line += "  \(outcome.figures.count) figure\(outcome.figures.count == 1 ? "" : "s")"
        }
        Console.error(line + "\n")
    }

    /// Shows a cell's diagnostic on standard error, coloured when that is a colour terminal.
    private func echo(_ diagnostic: Diagnostic) {
        interpreter.options.colour = colour
        Console.error(interpreter.render(diagnostic))
        interpreter.options.colour = false
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

/// The figures a report collects, and their SVG.
enum ReportFigures {
    /// Sends the figures a script displays to `receive` (the interpreter's display sink).
    static func connect(_ options: inout Interpreter.Options, to receive: @escaping (Figure) -> Void) {
        options.displaySink = receive
    }

    /// The figure numbered `number`, with its SVG text (640 × 400 for plots).
    static func make(_ figure: Figure, number: Int) -> ReportFigure {
        ReportFigure(number: number, svg: SVGWriter.svg(figure))
    }
}
