import XCTest
@testable import QML

/// Unit tests of name resolution: slots, captures, globals, and the compile-time errors
/// the resolver reports before any code runs.
final class ResolverTests: XCTestCase {
    // MARK: - Helpers

    private func makeInterpreter(output: PrintLog? = nil) -> Interpreter {
        var options = Interpreter.Options()
        options.loadPrelude = false
        if let output { options.output = { output.text += $0 } }
        return Interpreter(options: options)
    }

    /// Parses and resolves `text` the way `Interpreter.compile` does, against the
    /// globals of `interpreter`.
    private func resolve(_ text: String, in interpreter: Interpreter? = nil) throws -> Chunk {
        let interpreter = interpreter ?? makeInterpreter()
        let file = SourceFile(name: "r.qml", text: text)
        let chunk = try Parser.parse(file)
        let resolver = Resolver(globals: interpreter.globals, loader: interpreter.loader, file: file)
        try resolver.resolve(chunk)
        return chunk
    }

    private func resolveError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try resolve(text)
            XCTFail("expected a resolution error", file: file, line: line)
            return nil
        } catch let d as Diagnostic {
            return d
        } catch {
            XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
            return nil
        }
    }

    private func slot(_ b: Binding?) -> Int? {
        guard let b, case .local(let s) = b.storage else { return nil }
        return s
    }

    private func globalIndex(_ b: Binding?) -> Int? {
        guard let b, case .global(let i) = b.storage else { return nil }
        return i
    }

    /// Every name reference in a subtree, in source order.
    private func names(in e: Expr) -> [NameExpr] {
        var out: [NameExpr] = []
        func walk(_ e: Expr) {
            switch e {
            case let n as NameExpr: out.append(n)
            case let b as BinaryExpr: walk(b.left); walk(b.right)
            case let c as CallExpr: walk(c.callee); c.arguments.forEach { walk($0.value) }
            case let b as BlockExpr: b.statements.forEach(walk)
            case let f as FunctionExpr: f.parameters.compactMap(\.defaultValue).forEach(walk); walk(f.body)
            case let f as FunctionDecl: walk(f.function)
            case let l as LetStmt: walk(l.value)
            case let a as AssignStmt: out.append(a.root); walk(a.value)
            case let i as IfExpr: walk(i.condition); walk(i.thenBranch); i.elseBranch.map(walk)
            case let l as ListExpr: l.elements.forEach(walk)
            case let r as ReturnStmt: r.value.map(walk)
            default: break
            }
        }
        walk(e)
        return out
    }

    private func describe(_ access: NameAccess) -> String {
        switch access {
        case .unresolved: return "unresolved"
        case .local(let slot, _): return "local \(slot)"
        case .capture(let index): return "capture \(index)"
        case .global(let index): return "global \(index)"
        }
    }

    private func describe(_ source: CaptureSource) -> String {
        switch source {
        case .enclosingSlot(let s): return "slot \(s)"
        case .enclosingCapture(let i): return "capture \(i)"
        }
    }

    // MARK: - Slots and captures

    func testLocalsGetSlotsAfterTheClosureAndParameters() throws {
        let chunk = try resolve("""
            fn outer(a, b: 2) {
                var count = 0
                let unused = a + b
                let bump = |by| { count += by; count }
                bump(1)
            }
            """)
        let decl = try XCTUnwrap(chunk.body.statements.first as? FunctionDecl)
        let info = try XCTUnwrap(decl.function.info)
        XCTAssertEqual(info.name, "outer")
        XCTAssertEqual(decl.function.parameters.map { slot($0.binding) }, [1, 2])
        let body = try XCTUnwrap(decl.function.body as? BlockExpr)
        let lets = body.statements.compactMap { $0 as? LetStmt }
        XCTAssertEqual(lets.count, 3)
        XCTAssertEqual(lets.map { slot($0.bindings.first) }, [3, 4, 5])
        XCTAssertEqual(info.frameSize, 6)
        XCTAssertTrue(info.captures.isEmpty)

        // Only `count` is captured, so only it lives in a cell.
        XCTAssertEqual(lets.map { $0.bindings.first?.captured }, [true, false, false])
        XCTAssertEqual(decl.function.parameters.map { $0.binding?.captured }, [false, false])
        XCTAssertEqual(body.cellBindings.map(\.name), ["count"])
        XCTAssertTrue(lets[0].bindings.first?.owner === info)

        // The lambda records where its capture comes from.
        let lambda = try XCTUnwrap(lets[2].value as? FunctionExpr)
        let lambdaInfo = try XCTUnwrap(lambda.info)
        XCTAssertTrue(lambdaInfo.parent === info)
        XCTAssertEqual(lambdaInfo.captures.map(\.binding.name), ["count"])
        XCTAssertEqual(lambdaInfo.captures.map { describe($0.source) }, ["slot 3"])
        XCTAssertEqual(lambda.parameters.map { slot($0.binding) }, [1])
        XCTAssertEqual(lambdaInfo.frameSize, 2)
        let references = names(in: lambda.body)
        XCTAssertEqual(references.map(\.name), ["count", "by", "count"])
        XCTAssertEqual(references.map { describe($0.access) }, ["capture 0", "local 1", "capture 0"])
    }

    func testCapturesThroughTwoLevelsChainThroughTheMiddleFunction() throws {
        let chunk = try resolve("""
            fn a() {
                let x = 1
                let f = || { let g = || x; g() }
                f()
            }
            """)
        let decl = try XCTUnwrap(chunk.body.statements.first as? FunctionDecl)
        let body = try XCTUnwrap(decl.function.body as? BlockExpr)
        let xLet = try XCTUnwrap(body.statements[0] as? LetStmt)
        XCTAssertEqual(slot(xLet.bindings.first), 1)
        XCTAssertEqual(xLet.bindings.first?.captured, true)

        let fLet = try XCTUnwrap(body.statements[1] as? LetStmt)
        let f = try XCTUnwrap(fLet.value as? FunctionExpr)
        let fInfo = try XCTUnwrap(f.info)
        XCTAssertEqual(fInfo.captures.map { describe($0.source) }, ["slot 1"])

        let fBody = try XCTUnwrap(f.body as? BlockExpr)
        let gLet = try XCTUnwrap(fBody.statements.first as? LetStmt)
        let g = try XCTUnwrap(gLet.value as? FunctionExpr)
        let gInfo = try XCTUnwrap(g.info)
        XCTAssertEqual(gInfo.captures.map { describe($0.source) }, ["capture 0"])
        XCTAssertTrue(gInfo.captures.first?.binding === xLet.bindings.first)
        let x = try XCTUnwrap(g.body as? NameExpr)
        XCTAssertEqual(describe(x.access), "capture 0")
        // `g` itself is a local of `f`, not captured by anyone.
        XCTAssertEqual(slot(gLet.bindings.first), 1)
        XCTAssertEqual(gLet.bindings.first?.captured, false)
    }

    func testTopLevelNamesAreGlobalsNotCaptures() throws {
        let interpreter = makeInterpreter()
        let chunk = try resolve("let y = 1\nfn h() { y }\nvar z = h()", in: interpreter)
        let yIndex = try XCTUnwrap(interpreter.globals.index(of: "y"))
        let hIndex = try XCTUnwrap(interpreter.globals.index(of: "h"))
        let zIndex = try XCTUnwrap(interpreter.globals.index(of: "z"))
        let yLet = try XCTUnwrap(chunk.body.statements[0] as? LetStmt)
        XCTAssertEqual(globalIndex(yLet.bindings.first), yIndex)
        XCTAssertEqual(yLet.bindings.first?.captured, false)
        let decl = try XCTUnwrap(chunk.body.statements[1] as? FunctionDecl)
        XCTAssertEqual(globalIndex(decl.binding), hIndex)
        XCTAssertTrue(try XCTUnwrap(decl.function.info).captures.isEmpty)
        let reference = try XCTUnwrap(names(in: decl.function.body).first)
        XCTAssertEqual(describe(reference.access), "global \(yIndex)")
        XCTAssertEqual(interpreter.globals.mutable[zIndex], true)
        XCTAssertEqual(interpreter.globals.mutable[yIndex], false)
        // A builtin resolves to its global too.
        let chunk2 = try resolve("print(1)", in: interpreter)
        let call = try XCTUnwrap(chunk2.body.statements.first as? CallExpr)
        let callee = try XCTUnwrap(call.callee as? NameExpr)
        let printIndex = try XCTUnwrap(interpreter.globals.index(of: "print"))
        XCTAssertEqual(describe(callee.access), "global \(printIndex)")
    }

    func testBlockScopesShadowAndEndAtTheBrace() throws {
        let chunk = try resolve("""
            fn f() {
                let v = 1
                let w = { let v = 2; v }
                v + w
            }
            """)
        let decl = try XCTUnwrap(chunk.body.statements.first as? FunctionDecl)
        let refs = names(in: decl.function.body)
        XCTAssertEqual(refs.map(\.name), ["v", "v", "w"])
        XCTAssertEqual(refs.map { describe($0.access) }, ["local 2", "local 1", "local 3"])
        XCTAssertNotNil(resolveError("fn f() { { let inner = 1 }; inner }"))
    }

    // MARK: - Errors

    func testUndefinedNameWithDidYouMean() throws {
        let d = try XCTUnwrap(resolveError("let total = 1\nprint(totl + 1)"))
        XCTAssertEqual(d.message, "undefined name `totl`")
        XCTAssertEqual(d.hint, "did you mean `total`?")
        XCTAssertEqual(d.location, "r.qml:2:7")
        XCTAssertEqual(d.span?.end, 24)
        XCTAssertEqual(d.phase, .compile)
        XCTAssertEqual(d.exitCode, 2)

        let local = try XCTUnwrap(resolveError("fn f(weight) { wieght * 2 }"))
        XCTAssertEqual(local.message, "undefined name `wieght`")
        XCTAssertEqual(local.hint, "did you mean `weight`?")

        let nothingClose = try XCTUnwrap(resolveError("qqqqqqqq"))
        XCTAssertEqual(nothingClose.message, "undefined name `qqqqqqqq`")
        XCTAssertNil(nothingClose.hint)
    }

    func testAssignmentToLetIsReportedBeforeAnythingRuns() throws {
        let log = PrintLog()
        let interpreter = makeInterpreter(output: log)
        let outcome = interpreter.runSource("print(\"start\")\nlet k = 1\nk = 2\nprint(\"end\")", name: "main.qml")
        guard case .failure(let d) = outcome else { return XCTFail("expected a failure, got \(outcome)") }
        XCTAssertEqual(d.message, "cannot assign to `k`: it is a constant declared with `let`")
        XCTAssertEqual(d.hint, "declare it with `var` to change it")
        XCTAssertEqual(d.location, "main.qml:3:1")
        XCTAssertEqual(d.phase, .compile)
        XCTAssertEqual(log.text, "", "nothing may run when the program does not resolve")

        let element = try XCTUnwrap(resolveError("let xs = [1]\nxs[0] = 2"))
        XCTAssertEqual(element.message, "cannot change `xs`: it is a constant declared with `let`")
        XCTAssertEqual(element.location, "r.qml:2:1")

        let function = try XCTUnwrap(resolveError("fn f() { 1 }\nf = 2"))
        XCTAssertEqual(function.message, "cannot assign to `f`: it is a constant declared with `let`")

        let loopVariable = try XCTUnwrap(resolveError("for i in 0..<3 { i += 1 }"))
        XCTAssertEqual(loopVariable.message, "cannot assign to `i`: it is a constant declared with `let`")
        XCTAssertEqual(loopVariable.location, "r.qml:1:18")
    }

    func testAssigningVarsAndParametersIsAllowed() throws {
        XCTAssertNoThrow(try resolve("var n = 1\nn += 1\nfn f(x) { x = x * 2; x }"))
    }

    func testBreakContinueAndReturnPlacement() throws {
        let breakOutside = try XCTUnwrap(resolveError("let a = 1\nbreak"))
        XCTAssertEqual(breakOutside.message, "`break` outside a loop")
        XCTAssertEqual(breakOutside.location, "r.qml:2:1")

        let continueInFunction = try XCTUnwrap(resolveError("fn f() {\n  continue\n}"))
        XCTAssertEqual(continueInFunction.message, "`continue` outside a loop")
        XCTAssertEqual(continueInFunction.location, "r.qml:2:3")

        // A loop outside a closure does not make `break` inside it legal.
        let inLambda = try XCTUnwrap(resolveError("while true { let g = || { break } }"))
        XCTAssertEqual(inLambda.message, "`break` outside a loop")
        XCTAssertEqual(inLambda.span?.start, 26)

        let returnOutside = try XCTUnwrap(resolveError("return 1"))
        XCTAssertEqual(returnOutside.message, "`return` outside a function")
        XCTAssertEqual(returnOutside.hint, "a script's last expression is its value; use it without `return`")
        XCTAssertEqual(returnOutside.span?.start, 0)
        XCTAssertEqual(returnOutside.span?.end, 8)

        XCTAssertNoThrow(try resolve("""
            for i in 0..<3 { if i == 1 { continue }; break }
            while false { break }
            fn f(n) { for x in [n] { return x }; 0 }
            let g = || { return 1 }
            """))
    }

    func testUseBeforeDeclarationAtTopLevel() throws {
        let d = try XCTUnwrap(resolveError("print(x)\nlet x = 1"))
        XCTAssertEqual(d.message, "`x` is used before it is declared")
        XCTAssertEqual(d.hint, "move the declaration of `x` above this line")
        XCTAssertEqual(d.location, "r.qml:1:7")

        let inOwnValue = try XCTUnwrap(resolveError("let n = n + 1"))
        XCTAssertEqual(inOwnValue.message, "`n` is used before it is declared")
        XCTAssertEqual(inOwnValue.span?.start, 8)
    }

    func testForwardReferencesInsideFunctionsAreAllowed() {
        let log = PrintLog()
        let interpreter = makeInterpreter(output: log)
        let outcome = interpreter.runSource("""
            print(is_even(10), is_odd(7))
            fn is_even(n) { if n == 0 { true } else { is_odd(n - 1) } }
            fn is_odd(n) { if n == 0 { false } else { is_even(n - 1) } }
            print(is_even(3))
            """)
        if case .failure(let d) = outcome { XCTFail(interpreter.render(d)) }
        XCTAssertEqual(log.text, "true true\nfalse\n")
    }

    /// docs/language.md: only top-level *code* must follow a variable's declaration, and
    /// Resolver.resolve says top-level names "exist from the start (so functions may refer
    /// to them)". The resolver does not do this yet (see the report): the body of `get`
    /// gets "undefined name `later`". Skipped while that symptom is present.
    func testFunctionsMayReferToTopLevelLetsDeclaredLater() throws {
        let log = PrintLog()
        let interpreter = makeInterpreter(output: log)
        let outcome = interpreter.runSource("fn get() { later * 2 }\nlet later = 21\nprint(get())")
        if case .failure(let d) = outcome { XCTFail(interpreter.render(d)) }
        XCTAssertEqual(log.text, "42\n")
    }

    func testLocalFunctionsAreHoistedWithinTheirBlock() {
        let log = PrintLog()
        let interpreter = makeInterpreter(output: log)
        let outcome = interpreter.runSource("""
            fn outer(n) {
                fn ping(k) { if k == 0 { "ping" } else { pong(k - 1) } }
                fn pong(k) { if k == 0 { "pong" } else { ping(k - 1) } }
                ping(n)
            }
            print(outer(3), outer(4))
            """)
        if case .failure(let d) = outcome { XCTFail(interpreter.render(d)) }
        XCTAssertEqual(log.text, "pong ping\n")
    }

    func testSeveralErrorsAreReportedTogether() throws {
        let d = try XCTUnwrap(resolveError("print(aa)\nlet c = 1\nc = 2\nbreak\nprint(bb)"))
        XCTAssertEqual(d.message, "undefined name `aa`")
        XCTAssertEqual(d.related.map(\.message), [
            "cannot assign to `c`: it is a constant declared with `let`",
            "`break` outside a loop",
            "undefined name `bb`",
        ])
        XCTAssertEqual(d.related.map(\.location), ["r.qml:3:1", "r.qml:4:1", "r.qml:5:7"])

        let rendered = makeInterpreter().render(d)
        XCTAssertTrue(rendered.hasPrefix("r.qml:1:7: error: undefined name `aa`\n"), rendered)
        XCTAssertEqual(rendered.components(separatedBy: ": error: ").count, 5, rendered)
    }

    func testAtMostTenErrorsAreKept() throws {
        let text = (1...15).map { "print(missing\($0))" }.joined(separator: "\n")
        let d = try XCTUnwrap(resolveError(text))
        XCTAssertEqual(d.message, "undefined name `missing1`")
        XCTAssertEqual(d.related.count, 9)
        XCTAssertEqual(d.related.last?.message, "undefined name `missing10`")
    }

    func testDuplicatesInPatternsAndRecords() throws {
        let pattern = try XCTUnwrap(resolveError("let (a, a) = (1, 2)"))
        XCTAssertEqual(pattern.message, "`a` appears twice in the pattern")
        XCTAssertEqual(pattern.span?.start, 8)

        let record = try XCTUnwrap(resolveError("let r = {k: 1, k: 2}"))
        XCTAssertEqual(record.message, "duplicate key `k` in record")
        XCTAssertEqual(record.span?.start, 15)
    }
}

/// Collects what a script prints.
private final class PrintLog {
    var text = ""
}
