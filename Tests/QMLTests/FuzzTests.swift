import Foundation
import XCTest
import IsingCore
@testable import QML

/// Feeds thousands of randomly mutated golden programs through the whole pipeline
/// (lexer, parser, resolver, evaluator) with a step budget: each must end in a value
/// or a diagnostic with a location — never a crash, a hang or a location-less error.
final class FuzzTests: XCTestCase {
    static let fragments = [
        "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "|", "||", "|>", "+", "-", "*", "/", "//", "%", "^", "@",
        "=", "==", "!=", "<", ">", "..<", "...", "\"", "\\", "#", "#[", "]#", "\n", " ", "0", "-1", "1e308", "1e999",
        "9223372036854775807", "5us", "3xs", "0x", "nil", "true", "let x = ", "var y = ", "fn f(a) { a }", "f(1)",
        "return", "break", "continue", "if", "else", "for", "in", "while", "try", "catch", "import \"nope.qml\"",
        "xs.append(1)", "[1, 2][5]", "1 // 0", "error(\"e\")", "{a: 1}", "(1, 2)", "|x| x", "len", "print", "\u{00E9}", "\u{1F600}",
    ]

    func testMutatedProgramsEndInValueOrDiagnostic() {
        let sources = GoldenTests.goldenFiles().compactMap { url -> (String, String)? in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return (url.path, text)
        }
        XCTAssertFalse(sources.isEmpty)
        var rng = Xoshiro256(seed: 20_261_121)
        let iterations = 3000
        var diagnostics = 0, values = 0
        var problems: [String] = []
        Interpreter.runOnLargeStack {
            for n in 0..<iterations {
                let (path, original) = sources[rng.nextInt(below: sources.count)]
                var bytes = Array(original.utf8)
                for _ in 0..<(1 + rng.nextInt(below: 4)) { FuzzTests.mutate(&bytes, &rng) }
                var options = Interpreter.Options()
                options.output = { _ in }
                options.stepBudget = 200_000
                options.maxCallDepth = 300
                options.loadPrelude = n % 10 == 0
                let interpreter = Interpreter(options: options)
                switch interpreter.runBytes(bytes, name: path) {
                case .success:
                    values += 1
                case .failure(let d):
                    diagnostics += 1
                    if d.span == nil || d.message.isEmpty {
                        problems.append("diagnostic without location: \(d.message)\n--- program ---\n\(String(decoding: bytes, as: UTF8.self))")
                    }
                    _ = interpreter.render(d)
                }
                Cancellation.reset()
            }
        }
        print("fuzz: \(iterations) mutated programs, \(values) ran to a value, \(diagnostics) ended in a diagnostic")
        XCTAssertEqual(values + diagnostics, iterations)
        XCTAssertGreaterThan(diagnostics, iterations / 10, "mutations should break many programs")
        XCTAssertTrue(problems.isEmpty, problems.prefix(3).joined(separator: "\n\n"))
    }

    /// One random edit: delete a range, insert a fragment, duplicate or swap pieces, or
    /// inject bytes that are not UTF-8.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout Xoshiro256) {
        let n = bytes.count
        switch rng.nextInt(below: 6) {
        case 0 where n > 0:
            let a = rng.nextInt(below: n)
            let b = min(n, a + 1 + rng.nextInt(below: 12))
            bytes.removeSubrange(a..<b)
        case 1, 2:
            let at = n == 0 ? 0 : rng.nextInt(below: n + 1)
            bytes.insert(contentsOf: Array(fragments[rng.nextInt(below: fragments.count)].utf8), at: at)
        case 3 where n > 1:
            let a = rng.nextInt(below: n), b = rng.nextInt(below: n)
            bytes.swapAt(a, b)
        case 4 where n > 0:
            let a = rng.nextInt(below: n)
            let b = min(n, a + 1 + rng.nextInt(below: 40))
            let piece = Array(bytes[a..<b])
            bytes.insert(contentsOf: piece, at: rng.nextInt(below: bytes.count + 1))
        case 5:
            let at = n == 0 ? 0 : rng.nextInt(below: n + 1)
            bytes.insert(contentsOf: [0xFF, 0xC3], at: at)
        default:
            bytes.append(contentsOf: Array("\n)".utf8))
        }
    }

    func testNonUTF8InputIsADiagnosticWithLocation() {
        let bytes: [UInt8] = Array("let a = 1\nlet b = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        var options = Interpreter.Options()
        options.output = { _ in }
        switch Interpreter(options: options).runBytes(bytes, name: "bad.qml") {
        case .success:
            XCTFail("invalid UTF-8 must not run")
        case .failure(let d):
            XCTAssertEqual(d.message, "input is not valid UTF-8")
            XCTAssertEqual(d.location, "bad.qml:2:10")
            XCTAssertEqual(d.exitCode, 2)
        }
    }
}

/// Interpreters are released when their host lets go of them (no reference cycles
/// between the globals and the compiled code), so many can be created in one process.
final class LifetimeTests: XCTestCase {
    func testInterpreterIsReleasedAfterUse() {
        weak var released: Interpreter?
        do {
            var options = Interpreter.Options()
            options.output = { _ in }
            let interpreter = Interpreter(options: options)
            _ = interpreter.runSource("fn f(x) { |y| x + y }\nlet g = f(1)\nvar xs = [g]\nfor i in 0..<3 { xs.append(|| i) }\nlet r = {h: g}\nr.h(2)")
            _ = interpreter.evaluateInteractive("let z = map([1, 2], |v| v * 2)")
            released = interpreter
            XCTAssertNotNil(released)
        }
        XCTAssertNil(released, "the interpreter is kept alive by a reference cycle")
    }
}

/// A REPL input that fails to compile leaves no names behind.
final class SessionHygieneTests: XCTestCase {
    func testFailedInputDoesNotDeclareItsNames() {
        var options = Interpreter.Options()
        options.output = { _ in }
        let interpreter = Interpreter(options: options)
        guard case .failure = interpreter.evaluateInteractive("let model = undefined_fn(3)") else {
            return XCTFail("the input should fail to resolve")
        }
        guard case .failure(let d) = interpreter.evaluateInteractive("model") else {
            return XCTFail("`model` must not exist after the failed input")
        }
        XCTAssertEqual(d.message, "undefined name `model`")
        guard case .value(let shown) = interpreter.evaluateInteractive("let model = 3\nmodel * 2") else {
            return XCTFail("the session must go on")
        }
        XCTAssertEqual(shown, "6")
    }
}
