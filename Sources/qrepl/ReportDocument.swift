import Foundation

/// The two documents of a report: Markdown (figures linked as `fig-N.svg` next to it) and
/// a self-contained HTML page (inline CSS, the figures' SVG inline, no other files needed).
enum ReportDocument {
    // MARK: - Markdown

    /// The Markdown report: the title, the introduction, the run's details, then each
    /// cell's heading, code, output and figures (in the order the cell produced them),
    /// error and time.
    static func markdown(_ run: ReportRun) -> String {
        var text = "# \(run.name)\n\n"
        if !run.file.introduction.isEmpty {
            text += run.file.introduction.joined(separator: "\n") + "\n\n"
        }
        for (key, value) in details(run) {
            text += "- **\(key)**: \(value.code ? "`\(value.text)`" : value.text)\n"
        }
        for outcome in run.outcomes {
            text += "\n## \(heading(outcome.cell))\n\n"
            if !outcome.cell.code.isEmpty {
                text += fenced(outcome.cell.code, info: "qml")
            }
            for part in outcome.parts {
                switch part {
                case .text(let output): text += "\n" + fenced(output, info: "text")
                case .figure(let figure): text += "\n![figure \(figure.number)](\(figure.fileName))\n"
                }
            }
            if let diagnostic = outcome.diagnostic {
                text += "\n**Error:**\n\n" + fenced(diagnostic, info: "text")
            }
            text += "\n*\(footer(outcome))*\n"
        }
        return text
    }

    /// `text` in a fenced block longer than any run of backticks inside it, ending in a newline.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return fence + info + "\n" + body + fence + "\n"
    }

    // MARK: - HTML

    /// The HTML report: the same content as the Markdown, with a list of the cells at the
    /// top, every text escaped, and each figure's SVG placed inline.
    static func html(_ run: ReportRun) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(run.name)) · qrepl report</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(escape(run.name))</h1>

            """
        if !run.file.introduction.isEmpty {
            page += "<div class=\"intro\">\n"
            for paragraph in paragraphs(run.file.introduction) {
                page += "<p>" + escape(paragraph) + "</p>\n"
            }
            page += "</div>\n"
        }
        page += "<table class=\"run\">\n"
        for (key, value) in details(run) {
            let shown = value.code ? "<code>\(escape(value.text))</code>" : escape(value.text)
            page += "<tr><th>\(escape(key))</th><td>\(shown)</td></tr>\n"
        }
        page += "</table>\n<nav><ol>\n"
        for outcome in run.outcomes {
            let mark = status(outcome).map { " <span class=\"bad\">(\($0))</span>" } ?? ""
            page += "<li><a href=\"#cell-\(outcome.cell.number)\">\(escape(outcome.cell.heading))</a>\(mark)</li>\n"
        }
        page += "</ol></nav>\n"
        for outcome in run.outcomes {
            page += section(outcome)
        }
        page += "</body>\n</html>\n"
        return page
    }

    /// One cell as an HTML section.
    private static func section(_ outcome: CellOutcome) -> String {
        let cell = outcome.cell
        let kind = outcome.status == .succeeded ? "cell" : "cell not-ok"
        var html = "<section class=\"\(kind)\" id=\"cell-\(cell.number)\">\n"
        html += "<h2>\(escape(heading(cell)))</h2>\n"
        if !cell.code.isEmpty {
            html += "<pre class=\"code\"><code class=\"language-qml\">\(escape(cell.code))</code></pre>\n"
        }
        for part in outcome.parts {
            switch part {
            case .text(let output):
                html += "<pre class=\"output\">\(escape(trimmingFinalNewline(output)))</pre>\n"
            case .figure(let figure):
                html += "<figure id=\"figure-\(figure.number)\">\n\(inlineSVG(figure.svg, prefix: "f\(figure.number)"))\n"
                html += "<figcaption>figure \(figure.number) · \(escape(figure.fileName))</figcaption>\n</figure>\n"
            }
        }
        if let diagnostic = outcome.diagnostic {
            html += "<pre class=\"error\">\(escape(trimmingFinalNewline(diagnostic)))</pre>\n"
        }
        html += "<p class=\"meta\">\(escape(footer(outcome)))</p>\n</section>\n"
        return html
    }

    /// SVG text ready to sit inside HTML: without an XML declaration or doctype, and with
    /// its ids (and the references to them) prefixed so figures on one page cannot clash.
    static func inlineSVG(_ svg: String, prefix: String) -> String {
        var text = Substring(svg)
        while true {
            let trimmed = text.drop { $0.isWhitespace }
            guard trimmed.hasPrefix("<?") || trimmed.hasPrefix("<!DOCTYPE") || trimmed.hasPrefix("<!--"),
                  let close = trimmed.firstIndex(of: ">") else { break }
            text = trimmed[trimmed.index(after: close)...]
        }
        return String(text.drop { $0.isWhitespace })
            .replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)-")
    }

    /// Text safe inside HTML elements and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` without one newline at its end (a `<pre>` shows it as an empty line).
    private static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// Lines grouped into paragraphs at empty lines.
    private static func paragraphs(_ lines: [String]) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in lines + [""] {
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        return result
    }

    /// The page's style sheet: readable text, code on a grey ground, errors in red.
    private static let style = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
               max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; background: #fff; }
        h1 { font-size: 1.8rem; margin-bottom: .5rem; }
        h2 { font-size: 1.25rem; margin: 0 0 .6rem; }
        .intro p { white-space: pre-line; }
        table.run { border-collapse: collapse; font-size: .9rem; margin: 1rem 0; }
        table.run th { text-align: left; font-weight: 600; padding: .15rem 1rem .15rem 0; vertical-align: top; }
        table.run td { padding: .15rem 0; }
        nav ol { font-size: .9rem; padding-left: 1.5rem; }
        section.cell { border-top: 1px solid #d0d7de; padding-top: 1rem; margin-top: 1.5rem; }
        section.not-ok h2 { color: #a40e26; }
        pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: .6rem .8rem;
              border-radius: 6px; overflow-x: auto; margin: .5rem 0; }
        pre.code { background: #f6f8fa; }
        pre.output { background: #fff; border: 1px solid #d0d7de; }
        pre.error { background: #fff5f5; border: 1px solid #f1aeb5; color: #82071e; }
        figure { margin: 1rem 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption, .meta { color: #59636e; font-size: .85rem; }
        .bad { color: #a40e26; }
        """

    // MARK: - Shared parts

    /// The run's details, in order: name, value, and whether the value is code.
    static func details(_ run: ReportRun) -> [(String, (text: String, code: Bool))] {
        let failed = run.failures == 0 ? "all succeeded" : "\(run.failures) failed"
        var rows: [(String, (text: String, code: Bool))] = [
            ("file", (run.file.path, true)),
            ("run", (ReportText.timestamp(run.started) + ", " + ReportText.duration(run.seconds), false)),
            ("version", (Version.line, false)),
            ("seeds", (ReportText.seeds(run.seeds), false)),
            ("cells", ("\(run.outcomes.count), \(failed)", false)),
        ]
        if !run.arguments.isEmpty {
            rows.insert(("args", (run.arguments.joined(separator: " "), true)), at: 1)
        }
        if !run.records.isEmpty {
            rows.append(("recorded", (run.records.map { "\($0.0) = \($0.1)" }.joined(separator: ", "), false)))
        }
        return rows
    }

    /// `1. Title`, or `Cell 2` for a cell without a title.
    static func heading(_ cell: Cell) -> String {
        if let title = cell.title { return "\(cell.number). \(title)" }
        return "Cell \(cell.number)"
    }

    /// `failed`, `interrupted` or `not run`, or nil for a cell that succeeded.
    private static func status(_ outcome: CellOutcome) -> String? {
        switch outcome.status {
        case .succeeded: return nil
        case .failed: return "failed"
        case .interrupted: return "interrupted"
        case .skipped: return "not run"
        }
    }

    /// The line under a cell: its time, its seeds, and how it ended when not well.
    static func footer(_ outcome: CellOutcome) -> String {
        let time = ReportText.duration(outcome.seconds)
        var parts: [String]
        switch outcome.status {
        case .succeeded: parts = [time]
        case .failed: parts = ["failed after \(time)"]
        case .interrupted: parts = ["interrupted after \(time)"]
        case .skipped: return "not run: an earlier cell was interrupted"
        }
        if !outcome.seeds.isEmpty { parts.append("seeds " + ReportText.seeds(outcome.seeds)) }
        return parts.joined(separator: " · ")
    }
}

/// Small text helpers for reports.
enum ReportText {
    /// `text` without ANSI escape sequences (colours, cursor moves, inline-image data).
    static func withoutEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        let patterns = [
            "\u{1B}\\[[0-?]*[ -/]*[@-~]",                          // CSI: colours, cursor
            "\u{1B}[\\]P_^][^\u{07}\u{1B}]*(\u{07}|\u{1B}\\\\)?",   // OSC, DCS (sixel), APC (kitty)
            "\u{1B}[@-Z\\\\-_]",                                    // any other two-byte escape
        ]
        var result = text
        for pattern in patterns {
            result = result.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return result
    }

    /// A duration in seconds, the way `:time` shows it (`850 µs`, `12.3 ms`, `4.21 s`).
    static func duration(_ seconds: Double) -> String {
        let whole = Int64(seconds.rounded(.down))
        let rest = Int64(((seconds - Double(whole)) * 1e18).rounded())
        return REPLCommands.format(Duration(secondsComponent: whole, attosecondsComponent: rest))
    }

    /// A moment in local time with its offset: `2025-03-14T09:26:53+01:00`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        return formatter.string(from: date)
    }

    /// Seeds in the order first used, each once: `1, 2, 7`; `none` when there are none;
    /// past 20, the rest are counted instead of listed.
    static func seeds(_ seeds: [Int]) -> String {
        var seen = Set<Int>()
        let distinct = seeds.filter { seen.insert($0).inserted }
        guard !distinct.isEmpty else { return "none" }
        let shown = distinct.prefix(20).map(String.init).joined(separator: ", ")
        return distinct.count > 20 ? shown + " and \(distinct.count - 20) more" : shown
    }
}
