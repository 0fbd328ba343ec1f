import XCTest
@testable import QML

/// Writes a syntax tree as a compact S-expression so a test can state the exact shape
/// the parser must build.
private enum Shape {
    static func of(_ e: Expr) -> String {
        switch e {
        case let l as LiteralExpr:
            return ValueFormatter.describe(l.value)
        case let n as NameExpr:
            return n.name
        case let i as InterpolationExpr:
            let parts = i.parts.map { part -> String in
                switch part {
                case .text(let s): return ValueFormatter.quoted(s)
                case .code(let c): return of(c)
                }
            }
            return "(str " + parts.joined(separator: " ") + ")"
        case let l as ListExpr:
            return "[" + l.elements.map(of).joined(separator: " ") + "]"
        case let t as TupleExpr:
            return "(tuple" + t.elements.map { " " + of($0) }.joined() + ")"
        case let r as RecordExpr:
            let entries = r.entries.map { entry -> String in
                switch entry.key {
                case .name(let n): return " \(n):\(of(entry.value))"
                case .expr(let k): return " [\(of(k))]:\(of(entry.value))"
                }
            }
            return "(record" + entries.joined() + ")"
        case let u as UnaryExpr:
            return "(\(u.op == .negate ? "neg" : "not") \(of(u.operand)))"
        case let b as BinaryExpr:
            return "(\(b.op.rawValue) \(of(b.left)) \(of(b.right)))"
        case let l as LogicalExpr:
            return "(\(l.isAnd ? "and" : "or") \(of(l.left)) \(of(l.right)))"
        case let r as RangeExpr:
            return "(\(r.inclusive ? "..." : "..<") \(of(r.lower)) \(of(r.upper)))"
        case let c as CallExpr:
            return "(call \(of(c.callee))" + arguments(c.arguments) + ")"
        case let m as MemberExpr:
            return "(. \(of(m.target)) \(m.name))"
        case let i as IndexExpr:
            return "(index \(of(i.target)) \(of(i.index)))"
        case let f as FunctionExpr:
            let params = f.parameters.map { p in p.defaultValue.map { "\(p.name):\(of($0))" } ?? p.name }
            return "(fn \(f.name) (\(params.joined(separator: " "))) \(of(f.body)))"
        case let b as BlockExpr:
            return "(block" + b.statements.map { " " + of($0) }.joined() + ")"
        case let i as IfExpr:
            return "(if \(of(i.condition)) \(of(i.thenBranch))" + (i.elseBranch.map { " " + of($0) } ?? "") + ")"
        case let w as WhileExpr:
            return "(while \(of(w.condition)) \(of(w.body)))"
        case let f as ForExpr:
            return "(for \(pattern(f.pattern)) \(of(f.iterable)) \(of(f.body)))"
        case let t as TryExpr:
            return "(try \(of(t.body)) \(t.errorName ?? "_") \(of(t.handler)))"
        case let l as LetStmt:
            return "(\(l.mutable ? "var" : "let") \(pattern(l.pattern)) \(of(l.value)))"
        case let f as FunctionDecl:
            return "(def " + String(of(f.function).dropFirst(4))
        case let a as AssignStmt:
            let op: String
            switch a.op {
            case .set: op = "="
            case .add: op = "+="
            case .subtract: op = "-="
            case .multiply: op = "*="
            case .divide: op = "/="
            }
            return "(\(op) \(place(a.root, a.path)) \(of(a.value)))"
        case let m as MutatingCallExpr:
            return "(mutate \(place(m.root, m.path)) \(m.method)" + arguments(m.arguments) + ")"
        case let r as ReturnStmt:
            return r.value.map { "(return \(of($0)))" } ?? "(return)"
        case is BreakStmt:
            return "(break)"
        case is ContinueStmt:
            return "(continue)"
        case let i as ImportStmt:
            return "(import \(i.path))"
        default:
            return "<?>"
        }
    }

    static func arguments(_ args: [Argument]) -> String {
        args.map { a in " " + (a.label.map { "\($0):" } ?? "") + of(a.value) }.joined()
    }

    static func place(_ root: NameExpr, _ path: [PlaceStep]) -> String {
        var out = root.name
        for step in path {
            switch step {
            case .field(let name, _): out += ".\(name)"
            case .index(let e): out += "[\(of(e))]"
            }
        }
        return out
    }

    static func pattern(_ p: Pattern) -> String {
        switch p {
        case .name(let n, _): return n
        case .wildcard: return "_"
        case .tuple(let items, _): return "(" + items.map(pattern).joined(separator: " ") + ")"
        }
    }
}

final class ParserTests: XCTestCase {
    // MARK: - Helpers

    private func parse(_ text: String, name: String = "p.qml") throws -> Chunk {
        try Parser.parse(SourceFile(name: name, text: text))
    }

    /// The shapes of every top-level statement.
    private func shapes(_ text: String) throws -> [String] {
        try parse(text).body.statements.map(Shape.of)
    }

    /// The shape of a program with exactly one statement.
    private func shape(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let all = try shapes(text)
        XCTAssertEqual(all.count, 1, "statements in \(text)", file: file, line: line)
        return all.first ?? ""
    }

    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let chunk = try parse(text)
            XCTFail("expected a syntax error, got \(chunk.body.statements.count) statements", file: file, line: line)
            return nil
        } catch let d as Diagnostic {
            return d
        } catch {
            XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: - Precedence and associativity

    func testMultiplicationBindsTighterThanAddition() throws {
        XCTAssertEqual(try shape("1 + 2 * 3"), "(+ 1 (* 2 3))")
        XCTAssertEqual(try shape("1 * 2 + 3"), "(+ (* 1 2) 3)")
        XCTAssertEqual(try shape("(1 + 2) * 3"), "(* (+ 1 2) 3)")
    }

    func testLeftAssociativeOperators() throws {
        XCTAssertEqual(try shape("a - b - c"), "(- (- a b) c)")
        XCTAssertEqual(try shape("a / b // c % d @ e"), "(@ (% (// (/ a b) c) d) e)")
        XCTAssertEqual(try shape("a or b or c"), "(or (or a b) c)")
        XCTAssertEqual(try shape("a && b || c and d"), "(or (and a b) (and c d))")
    }

    func testPowerIsRightAssociativeAndBindsTighterThanNegation() throws {
        XCTAssertEqual(try shape("2 ^ 3 ^ 2"), "(^ 2 (^ 3 2))")
        XCTAssertEqual(try shape("-2 ^ 2"), "(neg (^ 2 2))")
        XCTAssertEqual(try shape("-x ^ 2"), "(neg (^ x 2))")
        XCTAssertEqual(try shape("2 ^ -1"), "(^ 2 -1)")
        XCTAssertEqual(try shape("a * b ^ c"), "(* a (^ b c))")
        XCTAssertEqual(try shape("xs[0] ^ 2"), "(^ (index xs 0) 2)")
    }

    func testNegativeLiteralsAreFolded() throws {
        XCTAssertEqual(try shape("-5"), "-5")
        XCTAssertEqual(try shape("-2.5"), "-2.5")
        XCTAssertEqual(try shape("- -3"), "3")
        XCTAssertEqual(try shape("-x"), "(neg x)")
        let literal = try XCTUnwrap(try parse("-7").body.statements.first as? LiteralExpr)
        guard case .int(let v) = literal.value else { return XCTFail("expected an int literal, got \(literal.value)") }
        XCTAssertEqual(v, -7)
    }

    func testComparisonRangeAndLogicLevels() throws {
        XCTAssertEqual(try shape("not a == b and c"), "(and (not (== a b)) c)")
        XCTAssertEqual(try shape("!a"), "(not a)")
        XCTAssertEqual(try shape("x in 0..<n + 1"), "(in x (..< 0 (+ n 1)))")
        XCTAssertEqual(try shape("1...3"), "(... 1 3)")
        XCTAssertEqual(try shape("a + 1 < b * 2"), "(< (+ a 1) (* b 2))")
    }

    func testPipeRewritesToCalls() throws {
        XCTAssertEqual(try shape("a |> f(b)"), "(call f a b)")
        XCTAssertEqual(try shape("a |> f"), "(call f a)")
        XCTAssertEqual(try shape("a |> f |> g(1, k: 2)"), "(call g (call f a) 1 k:2)")
        XCTAssertEqual(try shape("xs |> map(|x| x * 2)"), "(call map xs (fn <lambda> (x) (* x 2)))")
        XCTAssertEqual(try shape("a + 1 |> f"), "(call f (+ a 1))")
        XCTAssertEqual(try shape("data\n  |> binarize\n  |> split(0.5)"), "(call split (call binarize data) 0.5)")
    }

    func testPostfixChains() throws {
        XCTAssertEqual(try shape("g.nodes[0].degree(1)"), "(call (. (index (. g nodes) 0) degree) 1)")
        XCTAssertEqual(try shape("t.0"), "(. t 0)")
        XCTAssertEqual(try shape("f(1)(2)"), "(call (call f 1) 2)")
        XCTAssertEqual(try shape("g\n  .edges"), "(. g edges)")
    }

    func testSpansCoverTheWholeExpression() throws {
        let file = SourceFile(name: "s.qml", text: "let y = foo(1, 2) + bar[3]")
        let chunk = try Parser.parse(file)
        let stmt = try XCTUnwrap(chunk.body.statements.first as? LetStmt)
        let sum = try XCTUnwrap(stmt.value as? BinaryExpr)
        XCTAssertEqual(file.slice(sum.span.start, sum.span.end), "foo(1, 2) + bar[3]")
        XCTAssertEqual(file.slice(sum.opSpan.start, sum.opSpan.end), "+")
        XCTAssertEqual(file.slice(sum.left.span.start, sum.left.span.end), "foo(1, 2)")
        XCTAssertEqual(file.slice(sum.right.span.start, sum.right.span.end), "bar[3]")
        XCTAssertEqual(file.slice(stmt.span.start, stmt.span.end), "let y = foo(1, 2) + bar[3]")
    }

    // MARK: - Records, blocks, tuples, lists

    func testBracesMakeRecordsOrBlocks() throws {
        XCTAssertEqual(try shape("{}"), "(record)")
        XCTAssertEqual(try shape("{a: 1}"), "(record a:1)")
        XCTAssertEqual(try shape("{(0,1): 2}"), "(record [(tuple 0 1)]:2)")
        XCTAssertEqual(try shape("{\"k\": 1, -1: 2, 3: x}"), "(record [\"k\"]:1 [-1]:2 [3]:x)")
        XCTAssertEqual(try shape("{ let x = 1; x }"), "(block (let x 1) x)")
        XCTAssertEqual(try shape("{ x }"), "(block x)")
        XCTAssertEqual(try shape("{\n  lr: 0.5,\n  steps: 10\n}"), "(record lr:0.5 steps:10)")
        XCTAssertTrue(try parse("{}").body.statements.first is RecordExpr)
        XCTAssertTrue(try parse("{ let x = 1; x }").body.statements.first is BlockExpr)
    }

    func testTuplesGroupsAndLists() throws {
        XCTAssertEqual(try shape("()"), "(tuple)")
        XCTAssertEqual(try shape("(1)"), "1")
        XCTAssertEqual(try shape("(1,)"), "(tuple 1)")
        XCTAssertEqual(try shape("(1, \"a\")"), "(tuple 1 \"a\")")
        XCTAssertEqual(try shape("[1, [2, 3],]"), "[1 [2 3]]")
        XCTAssertEqual(try shape("[]"), "[]")
    }

    func testInterpolatedStringsParseTheirCode() throws {
        XCTAssertEqual(try shape("\"n = {n}, half = {n / 2}\""), "(str \"n = \" n \", half = \" (/ n 2))")
        XCTAssertEqual(try shape("\"plain\""), "\"plain\"")
        let file = SourceFile(name: "s.qml", text: "\"x{a + b}\"")
        let interpolation = try XCTUnwrap(try Parser.parse(file).body.statements.first as? InterpolationExpr)
        guard interpolation.parts.count == 2, case .code(let code) = interpolation.parts[1] else {
            return XCTFail("expected text then code")
        }
        XCTAssertEqual(code.span.start, 3)
        XCTAssertEqual(code.span.end, 8)
    }

    // MARK: - Functions and calls

    func testLambdas() throws {
        XCTAssertEqual(try shape("|x| x + 1"), "(fn <lambda> (x) (+ x 1))")
        XCTAssertEqual(try shape("|| 1"), "(fn <lambda> () 1)")
        XCTAssertEqual(try shape("|a, b| { a * b }"), "(fn <lambda> (a b) (block (* a b)))")
        XCTAssertEqual(try shape("|| {a: 1}"), "(fn <lambda> () (record a:1))")
        XCTAssertEqual(try shape("let inc = |x| x + 1"), "(let inc (fn <lambda> (x) (+ x 1)))")
        XCTAssertEqual(try shape("fn(x) { x }"), "(fn <lambda> (x) (block x))")
    }

    func testFunctionDeclarationsAndKeywordArguments() throws {
        XCTAssertEqual(try shape("fn scaled(x, by: 2.0) { x * by }"), "(def scaled (x by:2.0) (block (* x by)))")
        XCTAssertEqual(try shape("scaled(3, by: 4)"), "(call scaled 3 by:4)")
        XCTAssertEqual(try shape("f(a: 1, b: g(c: 2))"), "(call f a:1 b:(call g c:2))")
        let call = try XCTUnwrap(try parse("f(1, by: 2)").body.statements.first as? CallExpr)
        XCTAssertEqual(call.arguments.map(\.label), [nil, "by"])
        XCTAssertEqual(call.arguments[1].labelSpan?.start, 5)
        XCTAssertEqual(call.arguments[1].labelSpan?.end, 7)
    }

    func testKeywordArgumentErrors() throws {
        let positional = try XCTUnwrap(parseError("f(a: 1, 2)"))
        XCTAssertEqual(positional.message, "positional argument after keyword arguments")
        XCTAssertEqual(positional.span?.start, 8)
        XCTAssertEqual(positional.span?.end, 9)

        let twice = try XCTUnwrap(parseError("f(a: 1, a: 2)"))
        XCTAssertEqual(twice.message, "keyword argument `a` is given twice")
        XCTAssertEqual(twice.span?.start, 8)

        let defaults = try XCTUnwrap(parseError("fn f(a: 1, b) { a }"))
        XCTAssertEqual(defaults.message, "parameter `b` needs a default because an earlier one has one")
        XCTAssertEqual(defaults.span?.start, 11)
    }

    // MARK: - Mutation and assignment

    func testMutatingMethodCallsOnVariables() throws {
        let stmt = try XCTUnwrap(try parse("xs.append(v)").body.statements.first as? MutatingCallExpr)
        XCTAssertEqual(stmt.root.name, "xs")
        XCTAssertEqual(stmt.method, "append")
        XCTAssertTrue(stmt.path.isEmpty)
        XCTAssertEqual(stmt.methodSpan.start, 3)
        XCTAssertEqual(stmt.methodSpan.end, 9)
        XCTAssertEqual(try shape("m.a[0].pop()"), "(mutate m.a[0] pop)")
        XCTAssertEqual(try shape("r.set(\"k\", 1)"), "(mutate r set \"k\" 1)")
        // Not a mutation: other methods, and receivers that are not variables.
        XCTAssertEqual(try shape("xs.map(f)"), "(call (. xs map) f)")
        XCTAssertEqual(try shape("f().append(1)"), "(call (. (call f) append) 1)")
        XCTAssertEqual(try shape("[1].append(2)"), "(call (. [1] append) 2)")
    }

    func testAssignmentsWithPaths() throws {
        XCTAssertEqual(try shape("m.a[0] = 5"), "(= m.a[0] 5)")
        XCTAssertEqual(try shape("x += 1"), "(+= x 1)")
        XCTAssertEqual(try shape("grid[i][j + 1] *= -2"), "(*= grid[i][(+ j 1)] -2)")
        XCTAssertEqual(try shape("cfg.lr /= 2"), "(/= cfg.lr 2)")
        XCTAssertEqual(try shape("s -= t"), "(-= s t)")
        let assign = try XCTUnwrap(try parse("m.a[0] = 5").body.statements.first as? AssignStmt)
        XCTAssertEqual(assign.root.name, "m")
        XCTAssertEqual(assign.path.count, 2)
        guard case .field(let name, let span) = assign.path[0] else { return XCTFail("expected a field step") }
        XCTAssertEqual(name, "a")
        XCTAssertEqual(span.start, 2)
    }

    func testAssignmentToNonPlaceIsAnError() throws {
        let d = try XCTUnwrap(parseError("f(x) = 1"))
        XCTAssertEqual(d.message, "cannot assign to this expression")
        XCTAssertEqual(d.span?.start, 0)
        XCTAssertEqual(d.span?.end, 4)
        XCTAssertFalse(d.incompleteInput)
    }

    // MARK: - Statements and control flow

    func testDeclarationsAndPatterns() throws {
        XCTAssertEqual(try shape("let (a, (b, _)) = t"), "(let (a (b _)) t)")
        XCTAssertEqual(try shape("var lr = 0.0025"), "(var lr 0.0025)")
        XCTAssertEqual(try shape("for (i, x) in pairs { print(i) }"), "(for (i x) pairs (block (call print i)))")
        XCTAssertEqual(try shapes("import \"lib/a.qml\"; return; break; continue"),
                       ["(import lib/a.qml)", "(return)", "(break)", "(continue)"])
        XCTAssertEqual(try shape("fn f() { return 1 }"), "(def f () (block (return 1)))")
    }

    func testElseAndCatchOnTheNextLine() throws {
        XCTAssertEqual(try shape("if x { 1 }\nelse { 2 }"), "(if x (block 1) (block 2))")
        XCTAssertEqual(try shape("if a { 1 }\n\nelse if b { 2 }\nelse { 3 }"), "(if a (block 1) (if b (block 2) (block 3)))")
        XCTAssertEqual(try shape("try { f() }\ncatch e { e.message }"), "(try (block (call f)) e (block (. e message)))")
        XCTAssertEqual(try shapes("if x { 1 }\ny"), ["(if x (block 1))", "y"])
    }

    func testLoopsAndIfAsExpressions() throws {
        XCTAssertEqual(try shape("let s = if n > 0 { 1 } else { -1 }"), "(let s (if (> n 0) (block 1) (block -1)))")
        XCTAssertEqual(try shape("while k > 1e-4 { k = k / 2 }"), "(while (> k 0.0001) (block (= k (/ k 2))))")
        XCTAssertEqual(try shape("for i in 0..<4 {\n  print(i)\n  continue\n}"), "(for i (..< 0 4) (block (call print i) (continue)))")
    }

    func testStatementSeparators() throws {
        XCTAssertEqual(try shapes("\n\na = 1;; b = 2\n\n;c\n"), ["(= a 1)", "(= b 2)", "c"])
        XCTAssertEqual(try shapes(""), [])
        XCTAssertEqual(try shapes("# only a comment"), [])
    }

    // MARK: - Errors

    func testComparisonChainsAreRejected() throws {
        let d = try XCTUnwrap(parseError("1 < 2 < 3"))
        XCTAssertEqual(d.message, "comparison chains are not allowed")
        XCTAssertEqual(d.hint, "write `a < b and b < c`")
        XCTAssertEqual(d.span?.start, 6)
        XCTAssertEqual(d.location, "p.qml:1:7")

        let equal = try XCTUnwrap(parseError("let ok = a == b == c"))
        XCTAssertEqual(equal.message, "comparison chains are not allowed")
        XCTAssertEqual(equal.span?.start, 16)
    }

    func testIncompleteInputIsFlagged() throws {
        for text in ["fn f(x) {", "[1, 2", "1 +", "f(1,", "(1, 2", "{a: 1,", "let x =", "if x {\n  1", "xs |>"] {
            let d = try XCTUnwrap(parseError(text), text)
            XCTAssertTrue(d.incompleteInput, "\(text): \(d.message)")
        }
        let block = try XCTUnwrap(parseError("fn f(x) {"))
        XCTAssertEqual(block.message, "unclosed `{`")
        XCTAssertEqual(block.span?.start, 8)
        let list = try XCTUnwrap(parseError("[1, 2"))
        XCTAssertEqual(list.message, "unclosed `[`")
        XCTAssertEqual(list.span?.start, 0)
        let trailing = try XCTUnwrap(parseError("1 +"))
        XCTAssertEqual(trailing.message, "expected an expression after `+`, found end of input")
        XCTAssertEqual(trailing.span?.start, 2)
    }

    func testCompleteButWrongInputIsNotIncomplete() throws {
        let d = try XCTUnwrap(parseError("1 2"))
        XCTAssertFalse(d.incompleteInput)
        XCTAssertEqual(d.message, "unexpected number `2` after the end of a statement")
        XCTAssertEqual(d.span?.start, 2)
        XCTAssertEqual(d.location, "p.qml:1:3")

        for text in ["f(1))", "let = 3", "x = = 1", "\"abc"] {
            let e = try XCTUnwrap(parseError(text), text)
            XCTAssertFalse(e.incompleteInput, "\(text): \(e.message)")
        }
    }

    func testInterpreterIsIncompleteMatchesTheParser() {
        var options = Interpreter.Options()
        options.loadPrelude = false
        let interpreter = Interpreter(options: options)
        XCTAssertTrue(interpreter.isIncomplete("fn f(x) {"))
        XCTAssertTrue(interpreter.isIncomplete("x = [1,\n2"))
        XCTAssertTrue(interpreter.isIncomplete("#[ comment"))
        XCTAssertFalse(interpreter.isIncomplete("1 2"))
        XCTAssertFalse(interpreter.isIncomplete("fn f(x) { x }"))
    }

    func testOtherSyntaxErrors() throws {
        let reserved = try XCTUnwrap(parseError("let if = 1"))
        XCTAssertEqual(reserved.message, "`if` is a reserved word and cannot be used as a name")
        XCTAssertEqual(reserved.span?.start, 4)

        let stray = try XCTUnwrap(parseError("x)"))
        XCTAssertEqual(stray.message, "unexpected `)` after the end of a statement")
        XCTAssertEqual(stray.hint, "this closing bracket has no matching opening bracket")

        let duplicate = try XCTUnwrap(parseError("fn f(a, a) { a }"))
        XCTAssertEqual(duplicate.message, "duplicate parameter `a`")
        XCTAssertEqual(duplicate.span?.start, 8)

        let noBody = try XCTUnwrap(parseError("if x 1"))
        XCTAssertEqual(noBody.message, "expected `{` after the `if` condition, found number `1`")

        // Nesting beyond the parser's limit is an error, not a crash (run on a large
        // stack, as qrepl does: a debug build needs more than 8 MB for a few hundred levels).
        let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        let message: String? = Interpreter.runOnLargeStack {
            do {
                _ = try Parser.parse(SourceFile(name: "deep.qml", text: deep))
                return nil
            } catch let d as Diagnostic {
                return d.message
            } catch {
                return "unexpected error \(error)"
            }
        }
        XCTAssertEqual(message, "expression is nested too deeply (more than 256 levels)")
    }
}
