import Foundation
import XCTest
import IsingCore
@testable import QML

/// Collects what a script prints.
private final class Transcript {
    var text = ""
}

/// Unit tests of evaluation through the interpreter's entry points: exact values and
/// printed forms, errors as diagnostics, copy-on-write, closures, limits, cancellation,
/// randomness, the REPL (`evaluateInteractive`), completion and help.
final class EvaluatorTests: XCTestCase {
    // MARK: - Helpers

    private func makeInterpreter(_ configure: (inout Interpreter.Options) -> Void = { _ in }) -> (Interpreter, Transcript) {
        let transcript = Transcript()
        var options = Interpreter.Options()
        options.loadPrelude = false
        options.output = { transcript.text += $0 }
        configure(&options)
        return (Interpreter(options: options), transcript)
    }

    /// What `source` prints, failing the test if it ends with an error.
    private func output(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let (interpreter, transcript) = makeInterpreter()
        if case .failure(let d) = interpreter.runSource(source) {
            XCTFail("unexpected error:\n" + interpreter.render(d), file: file, line: line)
        }
        return transcript.text
    }

    /// The display form of the value of `source` (its last expression).
    private func value(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let (interpreter, _) = makeInterpreter()
        switch interpreter.runSource(source) {
        case .success(let v): return ValueFormatter.describe(v)
        case .failure(let d):
            XCTFail("unexpected error:\n" + interpreter.render(d), file: file, line: line)
            return nil
        }
    }

    /// The diagnostic `source` ends with.
    private func failure(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let (interpreter, _) = makeInterpreter()
        switch interpreter.runSource(source) {
        case .success(let v):
            XCTFail("expected an error, got \(ValueFormatter.describe(v))", file: file, line: line)
            return nil
        case .failure(let d):
            return d
        }
    }

    private func display(_ reply: Interpreter.Reply) -> String {
        switch reply {
        case .value(let text): return "value " + text
        case .nothing: return "nothing"
        case .failure(let d): return "failure " + d.message
        }
    }

    // MARK: - Integer arithmetic

    func testIntegerOverflowIsADiagnosticNotACrash() throws {
        let cases: [(String, String, String)] = [
            ("9223372036854775807 + 1", "integer overflow in 9223372036854775807 + 1", "<input>:1:21"),
            ("let a = -9223372036854775807\na - 2", "integer overflow in -9223372036854775807 - 2", "<input>:2:3"),
            ("4611686018427387904 * 2", "integer overflow in 4611686018427387904 * 2", "<input>:1:21"),
            ("2 ^ 63", "integer overflow in 2 ^ 63", "<input>:1:3"),
            ("let m = -9223372036854775807 - 1\nm // -1", "integer overflow in -9223372036854775808 // -1", "<input>:2:3"),
            ("let m = -9223372036854775807 - 1\n-m", "integer overflow in -(-9223372036854775808)", "<input>:2:1"),
            ("var s = 9223372036854775807\ns += 1", "integer overflow in 9223372036854775807 + 1", "<input>:2:1"),
            ("sum([9223372036854775807, 1])", "sum: integer overflow while summing", "<input>:1:1"),
            ("abs(-9223372036854775807 - 1)", "abs: integer overflow in abs(-9223372036854775808)", "<input>:1:1"),
        ]
        for (source, message, location) in cases {
            let d = try XCTUnwrap(failure(source), source)
            XCTAssertEqual(d.message, message, source)
            XCTAssertEqual(d.location, location, source)
            XCTAssertEqual(d.phase, .runtime, source)
            XCTAssertTrue(d.catchable, source)
        }
        // The largest values that fit are fine, and overflow can be caught.
        XCTAssertEqual(value("9223372036854775806 + 1"), "9223372036854775807")
        XCTAssertEqual(value("(-2) ^ 63"), "-9223372036854775808")
        XCTAssertEqual(value("2 ^ 62"), "4611686018427387904")
        XCTAssertEqual(value("let m = -9223372036854775807 - 1\nm % -1"), "0")
        XCTAssertEqual(value("try { 9223372036854775807 * 3 } catch e { e.message }"),
                       "\"integer overflow in 9223372036854775807 * 3\"")
    }

    func testFloorDivisionAndModuloFollowTheDivisorSign() {
        XCTAssertEqual(output("""
            print(-7 // 2, 7 // -2, -7 // -2, 7 // 2)
            print(-7 % 2, 7 % -2, -7 % -2, 7 % 2)
            print(-7.5 // 2, -7.5 % 2, 7.5 % -2)
            print(7 / 2, 6 / 3, 2 ^ -1)
            """), "-4 -4 3 3\n1 -1 -1 1\n-4.0 0.5 -0.5\n3.5 2.0 0.5\n")
        XCTAssertEqual(failure("1 // 0")?.message, "division by zero")
        XCTAssertEqual(failure("1 % 0")?.message, "modulo by zero")
        XCTAssertEqual(failure("1 / 0")?.location, "<input>:1:3")
    }

    func testRangesSlicesAndIndices() throws {
        XCTAssertEqual(output("""
            let xs = [1, 2, 3, 4, 5]
            print(xs[-2], xs[1..<-1], xs[-9223372036854775807 - 1 ..< 2], xs[3...4], xs[4..<1])
            print(len(0..<9223372036854775807), 5 in 0..<9223372036854775807, 3 in 0..<3, 2.0 in 0...2)
            print(len(range(10, 0, -3)), list(range(10, 0, -3)), (0..<10)[2..<4])
            """), "4 [2, 3, 4] [1, 2] [4, 5] []\n9223372036854775807 true false true\n4 [10, 7, 4, 1] [2, 3]\n")
        let d = try XCTUnwrap(failure("let xs = [1, 2, 3, 4, 5]\nxs[5]"))
        XCTAssertEqual(d.message, "index 5 out of range for list of 5 elements")
        XCTAssertEqual(d.hint, "valid indices are 0..<5 (or -5...-1 from the end)")
        XCTAssertEqual(d.location, "<input>:2:1")
    }

    // MARK: - Printing

    func testFloatFormatting() {
        XCTAssertEqual(output("""
            print(1e-06)
            print(12.0)
            print(0.1 + 0.2)
            print(5us, 1.5GHz, 20ms)
            print(1 / 3)
            print(2.0 ^ 70)
            print(-0.0, 100.0 * 3)
            print(1e300 * 1e10, -1e300 * 1e10)
            """), "1e-06\n12.0\n0.30000000000000004\n5e-06 1500000000.0 0.02\n0.3333333333333333\n1.1805916207174113e+21\n-0.0 300.0\ninf -inf\n")
    }

    func testDisplayOfCollections() {
        XCTAssertEqual(output("""
            print([1, 2.5, "a", nil, true])
            print({lr: 0.5, "two words": 2, (0, 1): -1})
            print((1, "a"), (1,), ())
            print("raw\\ttext", ["in \\"list\\""])
            print(0..<3, 1...4)
            """), "[1, 2.5, \"a\", nil, true]\n{lr: 0.5, \"two words\": 2, (0, 1): -1}\n(1, \"a\") (1,) ()\nraw\ttext [\"in \\\"list\\\"\"]\n0..<3 1...4\n")
    }

    // MARK: - Copy-on-write

    func testAssigningAListCopiesIt() {
        XCTAssertEqual(output("""
            var a = [1, 2, 3]
            var b = a
            b[0] = 99
            a.append(4)
            print(a)
            print(b)
            """), "[1, 2, 3, 4]\n[99, 2, 3]\n")
    }

    func testNestedRecordsAreCopiedOnWrite() {
        XCTAssertEqual(output("""
            var m = {inner: {xs: [1, 2]}, n: 0}
            let snapshot = m
            var alias = m.inner
            m.inner.xs[0] = 7
            m.inner.xs.append(3)
            m.n += 1
            alias.xs.pop()
            print(m)
            print(snapshot)
            print(alias)
            """), "{inner: {xs: [7, 2, 3]}, n: 1}\n{inner: {xs: [1, 2]}, n: 0}\n{xs: [1]}\n")
    }

    func testListsCapturedByClosuresAreSharedVariablesButCopiedValues() {
        XCTAssertEqual(output("""
            fn make() {
                var xs = [1]
                let read = || xs
                let first = read()
                xs.append(2)
                xs[0] = 10
                (first, read())
            }
            print(make())
            fn logger() {
                var log = []
                let add = |v| { log.append(v); log }
                let before = log
                let returned = add(1)
                add(2)
                (before, returned, log)
            }
            print(logger())
            """), "([1], [10, 2])\n([], [1], [1, 2])\n")
    }

    func testFunctionArgumentsAreCopies() {
        XCTAssertEqual(output("""
            fn clobber(xs) { xs[0] = -1; xs.append(0); xs }
            var original = [5, 6]
            let changed = clobber(original)
            print(original, changed)
            """), "[5, 6] [-1, 6, 0]\n")
    }

    // MARK: - Closures

    func testClosuresCapturePerIterationLoopVariables() {
        XCTAssertEqual(output("""
            var fs = []
            for i in 0..<3 { fs.append(|| i) }
            print(map(fs, |f| f()))
            var gs = []
            var k = 0
            while k < 3 { let j = k * 10; gs.append(|| j); k += 1 }
            print(map(gs, |g| g()))
            var hs = []
            for (a, b) in [(1, 2), (3, 4)] { hs.append(|| a + b) }
            print(map(hs, |h| h()))
            """), "[0, 1, 2]\n[0, 10, 20]\n[3, 7]\n")
    }

    func testClosuresShareTheVariableTheyCapture() {
        XCTAssertEqual(output("""
            fn counter() {
                var n = 0
                (|| { n += 1; n }, || n)
            }
            let (inc, get) = counter()
            inc(); inc()
            let (inc2, get2) = counter()
            inc2()
            print(get(), get2())
            """), "2 1\n")
    }

    // MARK: - Limits and interruption

    func testDeepRecursionIsAStackOverflowWithACollapsedTraceback() throws {
        let (interpreter, _) = makeInterpreter { $0.maxCallDepth = 100 }
        let outcome = Interpreter.runOnLargeStack {
            interpreter.runSource("fn down(n) { down(n + 1) }\ndown(0)", name: "deep.qml")
        }
        guard case .failure(let d) = outcome else { return XCTFail("expected a stack overflow") }
        XCTAssertEqual(d.message, "stack overflow: more than 100 nested calls")
        XCTAssertEqual(d.location, "deep.qml:1:14")
        XCTAssertEqual(d.traceback.count, 99)
        XCTAssertEqual(d.traceback.last?.span?.location, "deep.qml:2:1")
        let rendered = interpreter.render(d)
        XCTAssertTrue(rendered.hasSuffix("""
            traceback (most recent call last):
              deep.qml:2:1: in a call to down
              deep.qml:1:14: in a call to down
              deep.qml:1:14: in a call to down
              deep.qml:1:14: in a call to down
              ... the same call 95 more times

            """), rendered)
        // The interpreter is usable afterwards, with its depth back at zero.
        let again = interpreter.runSource("fn five() { 5 }\nfive()")
        guard case .success(let v) = again else { return XCTFail("the interpreter should recover") }
        XCTAssertEqual(ValueFormatter.describe(v), "5")
    }

    func testStackOverflowCanBeCaught() {
        let (interpreter, transcript) = makeInterpreter { $0.maxCallDepth = 50 }
        let outcome = Interpreter.runOnLargeStack {
            interpreter.runSource("fn f(n) { f(n + 1) }\nlet r = try { f(0) } catch e { e.message }\nprint(r)")
        }
        if case .failure(let d) = outcome { XCTFail(interpreter.render(d)) }
        XCTAssertEqual(transcript.text, "stack overflow: more than 50 nested calls\n")
    }

    func testStepBudgetStopsInfiniteLoopsAndCannotBeCaught() throws {
        let (interpreter, transcript) = makeInterpreter { $0.stepBudget = 10_000 }
        let outcome = interpreter.runSource("""
            print("before")
            let r = try { while true {} } catch e { "caught" }
            print(r)
            """, name: "spin.qml")
        guard case .failure(let d) = outcome else { return XCTFail("the loop must be stopped") }
        XCTAssertEqual(d.message, "step budget exhausted")
        XCTAssertFalse(d.catchable)
        XCTAssertEqual(d.location, "spin.qml:2:15")
        XCTAssertEqual(transcript.text, "before\n")

        // Recursion without loops is counted too.
        let (recursive, _) = makeInterpreter { $0.stepBudget = 5_000; $0.maxCallDepth = 1_000_000 }
        let spent = Interpreter.runOnLargeStack {
            recursive.runSource("fn f(n) { if n == 0 { 0 } else { f(n - 1) } }\nf(100000)")
        }
        guard case .failure(let e) = spent else { return XCTFail("the recursion must be stopped") }
        XCTAssertEqual(e.message, "step budget exhausted")
    }

    func testCancellationFromAnotherThreadInterruptsARunningLoop() throws {
        Cancellation.reset()
        defer { Cancellation.reset() }
        let transcript = Transcript()
        var options = Interpreter.Options()
        options.loadPrelude = false
        // The request is made from another thread once the script says it is looping.
        options.output = { text in
            transcript.text += text
            if text == "looping\n" { Thread.detachNewThread { Cancellation.request() } }
        }
        let interpreter = Interpreter(options: options)
        let outcome = interpreter.runSource("""
            var i = 0
            print("looping")
            let r = try { while true { i += 1 } } catch e { "caught" }
            print(r)
            """, name: "loop.qml")
        guard case .failure(let d) = outcome else { return XCTFail("the loop must be interrupted") }
        XCTAssertEqual(d.message, "interrupted")
        XCTAssertFalse(d.catchable)
        XCTAssertEqual(d.location, "loop.qml:3:15")
        XCTAssertEqual(transcript.text, "looping\n")
        // Work done before the interrupt is kept.
        XCTAssertEqual(interpreter.global("r").map { ValueFormatter.describe($0) }, "nil")
        guard case .int(let count) = interpreter.global("i") else { return XCTFail("`i` should be an integer") }
        XCTAssertGreaterThan(count, 0)

        Cancellation.reset()
        guard case .success(let v) = interpreter.runSource("var t = 0\nfor k in 0..<5000 { t += k }\nt") else {
            return XCTFail("after reset the interpreter runs normally")
        }
        XCTAssertEqual(ValueFormatter.describe(v), "12497500")
    }

    // MARK: - Randomness

    func testSeededRandomFunctionsReproduce() {
        XCTAssertEqual(output("""
            let a = rand(5, seed: 3)
            let b = rand(5, seed: 3)
            print(a == b, len(a), a == rand(5, seed: 4))
            print(randint(0, 100, n: 4, seed: 9) == randint(0, 100, n: 4, seed: 9))
            print(shuffle([1, 2, 3, 4, 5, 6], seed: 2) == shuffle([1, 2, 3, 4, 5, 6], seed: 2))
            """), "true 5 false\ntrue\ntrue\n")

        let source = "seed(7)\nlet draws = [rand(), rand(), normal(), randint(0, 1000)]\nprint(draws)"
        let first = output(source)
        let second = output(source)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.filter { $0 == "," }.count, 3)
        // The session generator moves on: the two calls to rand() differ.
        let (interpreter, _) = makeInterpreter()
        guard case .success(let pair) = interpreter.runSource("seed(7)\n(rand(), rand())"),
              case .tuple(let items) = pair, items.count == 2,
              case .float(let x) = items[0], case .float(let y) = items[1] else {
            return XCTFail("expected two floats")
        }
        XCTAssertNotEqual(x, y)
        XCTAssertTrue((0..<1).contains(x) && (0..<1).contains(y))
        XCTAssertEqual(interpreter.seedsUsed, [7])
    }

    // MARK: - The REPL

    func testInteractiveValuesAndAns() {
        let (interpreter, transcript) = makeInterpreter()
        XCTAssertEqual(display(interpreter.evaluateInteractive("1 + 2")), "value 3")
        XCTAssertEqual(display(interpreter.evaluateInteractive("ans * 10")), "value 30")
        XCTAssertEqual(display(interpreter.evaluateInteractive("ans")), "value 30")
        XCTAssertEqual(display(interpreter.evaluateInteractive("\"text\"")), "value \"text\"")
        XCTAssertEqual(display(interpreter.evaluateInteractive("let x = 5")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("print(\"hi\")")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("var n = 0; for i in 0..<3 { n += i }")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("nil")), "nothing")
        // `ans` is only replaced by values that are shown.
        XCTAssertEqual(display(interpreter.evaluateInteractive("len(ans) + x + n")), "value 12")
        XCTAssertEqual(display(interpreter.evaluateInteractive("ans")), "value 12")
        XCTAssertEqual(transcript.text, "hi\n")
    }

    func testNamesPersistAndLetsMayBeRedefinedInLaterInputs() {
        let (interpreter, _) = makeInterpreter()
        XCTAssertEqual(display(interpreter.evaluateInteractive("let x = 5")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("fn twice(v) { v * 2 }")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("twice(x)")), "value 10")
        XCTAssertEqual(display(interpreter.evaluateInteractive("x = 6")),
                       "failure cannot assign to `x`: it is a constant declared with `let`")
        XCTAssertEqual(display(interpreter.evaluateInteractive("let x = \"again\"")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("x")), "value \"again\"")
        XCTAssertEqual(display(interpreter.evaluateInteractive("var x = 1")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("x += 1")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("x")), "value 2")
        // Functions defined earlier see the new definition of a global.
        XCTAssertEqual(display(interpreter.evaluateInteractive("fn get() { x }")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("let x = 40")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("get() + twice(1)")), "value 42")
        XCTAssertEqual(interpreter.variables().map(\.name), ["get", "twice", "x"])
    }

    func testAFailedInputLeavesTheSessionUsable() {
        let (interpreter, transcript) = makeInterpreter { $0.maxCallDepth = 30 }
        XCTAssertEqual(display(interpreter.evaluateInteractive("var y = 1")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("y + nope")), "failure undefined name `nope`")
        XCTAssertEqual(display(interpreter.evaluateInteractive("y / 0")), "failure division by zero")
        XCTAssertEqual(display(interpreter.evaluateInteractive("1 +")), "failure expected an expression after `+`, found end of input")
        // A runtime error keeps what was done before it in the same input.
        XCTAssertEqual(display(interpreter.evaluateInteractive("y = 10; print(\"ran\"); error(\"boom\")")), "failure boom")
        XCTAssertEqual(display(interpreter.evaluateInteractive("y + 1")), "value 11")
        XCTAssertEqual(transcript.text, "ran\n")
        XCTAssertEqual(display(interpreter.evaluateInteractive("fn deep(n) { deep(n) }")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("deep(1)")), "failure stack overflow: more than 30 nested calls")
        XCTAssertEqual(display(interpreter.evaluateInteractive("[y, y * 2]")), "value [10, 20]")
    }

    func testAnInputThatFailsToCompileDefinesNothing() {
        let (interpreter, _) = makeInterpreter()
        XCTAssertEqual(display(interpreter.evaluateInteractive("var kept = 1")), "nothing")
        XCTAssertEqual(display(interpreter.evaluateInteractive("let kept = 2\nlet fresh = 3\nmissing")),
                       "failure undefined name `missing`")
        XCTAssertEqual(display(interpreter.evaluateInteractive("kept")), "value 1")
        XCTAssertEqual(display(interpreter.evaluateInteractive("kept = 5")), "nothing", "`kept` is still a var")
        XCTAssertEqual(display(interpreter.evaluateInteractive("fresh")), "failure undefined name `fresh`")
    }

    // MARK: - Completion

    func testCompletionOfNamesAndKeywords() {
        let (interpreter, _) = makeInterpreter()
        _ = interpreter.evaluateInteractive("let my_value_1 = 1; let my_value_2 = 2; let other = 3")
        XCTAssertEqual(interpreter.complete(line: "my_v", cursor: 4), Interpreter.Completion(start: 0, candidates: ["my_value_1", "my_value_2"]))
        XCTAssertEqual(interpreter.complete(line: "print(my_value_1 + my_", cursor: 22),
                       Interpreter.Completion(start: 19, candidates: ["my_value_1", "my_value_2"]))
        XCTAssertEqual(interpreter.complete(line: "whi", cursor: 3), Interpreter.Completion(start: 0, candidates: ["while"]))
        XCTAssertEqual(interpreter.complete(line: "x = tr", cursor: 6), Interpreter.Completion(start: 4, candidates: ["train", "trim", "true", "try"]))
        // The cursor may be in the middle of the line.
        XCTAssertEqual(interpreter.complete(line: "oth + 1", cursor: 3), Interpreter.Completion(start: 0, candidates: ["other"]))
        XCTAssertEqual(interpreter.complete(line: "zzz", cursor: 3).candidates, [])
    }

    func testCompletionOfRecordMembers() {
        let (interpreter, _) = makeInterpreter()
        _ = interpreter.evaluateInteractive("let cfg = {lr: 0.1, steps: 10, lambda: 2, inner: {alpha: 1, beta: 2}}")
        XCTAssertEqual(interpreter.complete(line: "cfg.l", cursor: 5), Interpreter.Completion(start: 4, candidates: ["lambda", "lr"]))
        XCTAssertEqual(interpreter.complete(line: "x = cfg.", cursor: 8),
                       Interpreter.Completion(start: 8, candidates: ["inner", "lambda", "lr", "steps"]))
        XCTAssertEqual(interpreter.complete(line: "cfg.inner.a", cursor: 11), Interpreter.Completion(start: 10, candidates: ["alpha"]))
        _ = interpreter.evaluateInteractive("var xs = [1]")
        XCTAssertEqual(interpreter.complete(line: "xs.ap", cursor: 5), Interpreter.Completion(start: 3, candidates: ["append"]))
        XCTAssertEqual(interpreter.complete(line: "nothing_here.a", cursor: 14).candidates, [])
    }

    func testCompletionOfPathsInsideStrings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qml-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("algo"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["alpha.qml", "alps.txt", "beta.qml", ".alhidden"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        let (interpreter, _) = makeInterpreter()
        let dir = directory.path
        let line = "import \"\(dir)/al"
        let completion = interpreter.complete(line: line, cursor: line.utf8.count)
        XCTAssertEqual(completion.start, 8)
        XCTAssertEqual(completion.candidates, ["\(dir)/algo/", "\(dir)/alpha.qml", "\(dir)/alps.txt"])

        let hidden = "load_csv(\"\(dir)/.al"
        XCTAssertEqual(interpreter.complete(line: hidden, cursor: hidden.utf8.count).candidates, ["\(dir)/.alhidden"])
        // After the string is closed, completion is about names again.
        let closed = "print(\"\(dir)/al\") + pri"
        XCTAssertEqual(interpreter.complete(line: closed, cursor: closed.utf8.count).candidates, ["print"])
    }

    // MARK: - Help and argument errors

    func testHelpForBuiltinsShowsTheSignature() throws {
        let (interpreter, _) = makeInterpreter()
        let rand = try XCTUnwrap(interpreter.help(topic: "rand"))
        let lines = rand.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "rand(n: nil, seed: nil)")
        XCTAssertEqual(lines.dropFirst().first, "  A uniform float in [0, 1), or a list of n of them.")
        XCTAssertEqual(try XCTUnwrap(interpreter.help(topic: "print")).split(separator: "\n").first,
                       "print(values..., sep: \" \", end: \"\\n\")")
        _ = interpreter.evaluateInteractive("fn scaled(x, by: 2.0) { x * by }")
        XCTAssertEqual(interpreter.help(topic: "scaled"), "scaled(x, by: ...)\n  defined at <repl#1>:1:1")
        XCTAssertEqual(interpreter.help(topic: "while")?.split(separator: "\n").first, "while condition { ... }")
        XCTAssertNil(interpreter.help(topic: "no_such_thing"))
    }

    func testKeywordArgumentErrorsListAcceptedNames() throws {
        let near = try XCTUnwrap(failure("rand(3, sed: 1)"))
        XCTAssertEqual(near.message, "`rand` has no parameter `sed`")
        XCTAssertEqual(near.hint, "did you mean `seed`? accepted: n, seed")
        XCTAssertEqual(near.location, "<input>:1:9")

        let far = try XCTUnwrap(failure("rand(qqqq: 1)"))
        XCTAssertEqual(far.hint, "accepted: n, seed")

        let user = try XCTUnwrap(failure("fn scaled(x, by: 2) { x * by }\nscaled(1, bye: 3)"))
        XCTAssertEqual(user.message, "`scaled` has no parameter `bye`")
        XCTAssertEqual(user.hint, "did you mean `by`?")
        XCTAssertEqual(user.location, "<input>:2:11")

        let userFar = try XCTUnwrap(failure("fn scaled(x, by: 2) { x * by }\nscaled(1, zzz: 3)"))
        XCTAssertEqual(userFar.hint, "its parameters are: x, by")

        let missing = try XCTUnwrap(failure("fn scaled(x, by: 2) { x * by }\nscaled(by: 3)"))
        XCTAssertEqual(missing.message, "`scaled` is missing its argument `x`")
        XCTAssertEqual(missing.hint, "its signature is scaled(x, by: ...)")

        let twice = try XCTUnwrap(failure("fn scaled(x, by: 2) { x * by }\nscaled(1, x: 3)"))
        XCTAssertEqual(twice.message, "argument `x` of `scaled` is given twice")

        XCTAssertEqual(value("fn scaled(x, by: 2) { x * by }\nscaled(3, by: 4) + scaled(x: 1)"), "14")
    }

    // MARK: - Errors as values

    func testTryCatchGivesMessageAndLocation() {
        XCTAssertEqual(output("""
            let e = try { [1, 2][5] } catch err { err }
            print(e.message)
            print(e.location)
            print(try { 1 } catch { 2 }, try { error("x") } catch { 2 })
            """), "index 5 out of range for list of 2 elements\n<input>:1:15\n1 2\n")
    }
}
