import Foundation
import XCTest
@testable import QML

/// Runs every `Tests/golden/**/*.qml` program and compares what it prints with its
/// `# expect: TEXT` comments, in order. A file may end in an error, stated as
/// `# expect error: LINE:COL: message` (the message is matched as a prefix).
/// Folders named `lib` hold modules that other golden files import; they are not run.
final class GoldenTests: XCTestCase {
    struct Expectation {
        var output: [String] = []
        /// Where the error must be: a file relative to the test (nil: the test itself), line, column.
        var error: (file: String?, line: Int, column: Int, message: String)?
    }

    static var goldenRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("golden")
    }

    static func goldenFiles() -> [URL] {
        guard let e = FileManager.default.enumerator(at: goldenRoot, includingPropertiesForKeys: nil) else { return [] }
        var out: [URL] = []
        for case let url as URL in e where url.pathExtension == "qml" && !url.pathComponents.contains("lib") {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }

    static func expectations(in text: String) -> Expectation {
        var e = Expectation()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let r = line.range(of: "# expect: ") {
                e.output.append(String(line[r.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                e.output.append("")
            } else if let r = line.range(of: "# expect error: ") {
                let spec = line[r.upperBound...]
                let parts = spec.split(separator: ":", maxSplits: 3).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count >= 3, let l = Int(parts[0]), let c = Int(parts[1]) {
                    // The message is everything after `L:C:`, colons included.
                    let message = spec.split(separator: ":", maxSplits: 2)[2]
                    e.error = (nil, l, c, message.trimmingCharacters(in: .whitespaces))
                } else if parts.count == 4, let l = Int(parts[1]), let c = Int(parts[2]) {
                    e.error = (parts[0], l, c, parts[3])
                }
            }
        }
        return e
    }

    /// Runs one file in a fresh interpreter; returns (output lines, diagnostic).
    static func run(_ url: URL) -> ([String], Diagnostic?) {
        var printed = ""
        var options = Interpreter.Options()
        options.output = { printed += $0 }
        options.stepBudget = 50_000_000
        let outcome: Interpreter.Outcome = Interpreter.runOnLargeStack {
            Interpreter(options: options).runFile(path: url.path)
        }
        var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if case .failure(let d) = outcome { return (lines, d) }
        return (lines, nil)
    }

    func testGoldenFiles() throws {
        let files = GoldenTests.goldenFiles()
        XCTAssertGreaterThan(files.count, 150, "the golden corpus should cover every construct")
        var failures: [String] = []
        for url in files {
            let name = url.path.replacingOccurrences(of: GoldenTests.goldenRoot.path + "/", with: "")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                failures.append("\(name): unreadable")
                continue
            }
            let expected = GoldenTests.expectations(in: text)
            if expected.output.isEmpty && expected.error == nil {
                failures.append("\(name): has no expectations")
                continue
            }
            let (lines, diagnostic) = GoldenTests.run(url)
            if lines != expected.output {
                let firstDiff = Array(zip(lines, expected.output)).firstIndex { $0.0 != $0.1 } ?? min(lines.count, expected.output.count)
                let got = firstDiff < lines.count ? lines[firstDiff] : "<nothing>"
                let want = firstDiff < expected.output.count ? expected.output[firstDiff] : "<nothing>"
                failures.append("\(name): output line \(firstDiff + 1): expected `\(want)`, got `\(got)`"
                                + (diagnostic.map { " (error: \($0.location): \($0.message))" } ?? ""))
                continue
            }
            switch (expected.error, diagnostic) {
            case (nil, nil):
                break
            case (nil, .some(let d)):
                failures.append("\(name): unexpected error \(d.location): \(d.message)")
            case (.some(let e), nil):
                failures.append("\(name): expected error `\(e.message)` at \(e.line):\(e.column), but the program succeeded")
            case (.some(let e), .some(let d)):
                let position = d.span.map { $0.file.position(of: $0.start) }
                let expectedFile = e.file.map { url.deletingLastPathComponent().appendingPathComponent($0).standardizedFileURL.path } ?? url.path
                let actualFile = d.span.map { URL(fileURLWithPath: $0.file.name).standardizedFileURL.path }
                let sameFile = actualFile == expectedFile
                if !sameFile || position?.line != e.line || position?.column != e.column || !d.message.hasPrefix(e.message) {
                    failures.append("\(name): expected error \(e.line):\(e.column): \(e.message); got \(d.location): \(d.message)")
                }
            }
        }
        if !failures.isEmpty {
            XCTFail("\(failures.count) of \(files.count) golden files failed:\n" + failures.joined(separator: "\n"))
        }
        print("golden: \(files.count - failures.count) passed, \(failures.count) failed")
    }
}
