import Foundation
import XCTest
@testable import QML

/// Keeps grammar/qml.ebnf honest: every `example:` in it must parse and run.
final class GrammarTests: XCTestCase {
    func testEveryGrammarExampleParsesAndRuns() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("grammar/qml.ebnf")
        let text = try String(contentsOf: url, encoding: .utf8)
        let examples = text.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "(* example: ") else { return nil }
            var body = String(line[r.upperBound...])
            if body.hasSuffix(" *)") { body.removeLast(3) }
            return body
        }
        XCTAssertGreaterThanOrEqual(examples.count, 20)
        for example in examples {
            XCTAssertNoThrow(try Parser.parse(SourceFile(name: "<grammar>", text: example)), example)
            var options = Interpreter.Options()
            options.output = { _ in }
            let outcome = Interpreter(options: options).runSource(example, name: "<grammar>")
            if case .failure(let d) = outcome {
                XCTFail("grammar example failed: \(example)\n\(d.location): \(d.message)")
            }
        }
    }
}

/// docs/builtins.md is generated from the doc strings; it must match them.
final class ReferenceDocsTests: XCTestCase {
    func testBuiltinsReferenceIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/builtins.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        var options = Interpreter.Options()
        options.output = { _ in }
        let generated = Interpreter(options: options).builtinReference()
        XCTAssertEqual(committed, generated, "regenerate with: qrepl --reference > docs/builtins.md")
    }

    func testEveryBuiltinHasADocString() {
        for b in BuiltinRegistry.standard().builtins {
            XCTAssertFalse(b.summary.isEmpty, "\(b.name) has no doc string")
            XCTAssertTrue(b.summary.hasSuffix("."), "\(b.name): the summary should be a sentence: \(b.summary)")
        }
    }
}
