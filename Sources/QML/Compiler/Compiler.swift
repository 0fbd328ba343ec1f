import IsingCore

/// Condition code: evaluates to a Swift Bool without boxing.
typealias Test = (UnsafeMutablePointer<Value>) throws -> Bool

/// Turns a resolved syntax tree into a tree of Swift closures ("closure compilation"):
/// each node is compiled once into a closure specialised for its shape, and locals
/// live in slots of a frame on the runtime's value stack.
final class Compiler {
    let rt: Runtime
    unowned let interpreter: Interpreter

    init(runtime: Runtime, interpreter: Interpreter) {
        self.rt = runtime
        self.interpreter = interpreter
    }

    func context(_ span: Span) -> OpContext { OpContext(span: span, interpreter: interpreter) }

    /// Which top-level expression statements show the figure they produce.
    enum FigureDisplay {
        /// Every one (scripts).
        case all
        /// All but the last, whose value the host shows (REPL inputs, report cells).
        case allButLast
    }

    /// Set while compiling a chunk's top-level statements.
    private(set) var figureDisplay: FigureDisplay?

    /// Compiles a resolved chunk to code that runs in a frame of `frameSize` slots.
    func compileChunk(_ chunk: Chunk, figures: FigureDisplay = .all) -> (code: Code, frameSize: Int) {
        figureDisplay = figures
        defer { figureDisplay = nil }
        let body = compileBlock(chunk.body, hoistTopLevel: true)
        return (body, chunk.info?.frameSize ?? 1)
    }

    /// Wraps a top-level expression statement so a figure it produces is shown.
    func showingFigures(_ code: @escaping Code) -> Code {
        unowned(unsafe) let interpreter = self.interpreter
        return { fp in
            let v = try code(fp)
            if case .object(let o) = v, o.printsAsDisplay { interpreter.show(v) }
            return v
        }
    }

    // MARK: - Expressions

    func compile(_ e: Expr) -> Code {
        switch e {
        case let l as LiteralExpr:
            let v = l.value
            return { _ in v }
        case let n as NameExpr:
            return compileRead(n)
        case let i as InterpolationExpr:
            return compileInterpolation(i)
        case let l as ListExpr:
            let items = l.elements.map(compile)
            return { fp in
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for item in items { out.append(try item(fp)) }
                return .list(out)
            }
        case let t as TupleExpr:
            let items = t.elements.map(compile)
            return { fp in
                var out: [Value] = []
                out.reserveCapacity(items.count)
                for item in items { out.append(try item(fp)) }
                return .tuple(out)
            }
        case let r as RecordExpr:
            return compileRecord(r)
        case let u as UnaryExpr:
            return compileUnary(u)
        case let b as BinaryExpr:
            return compileBinary(b)
        case let l as LogicalExpr:
            let test = compileTest(l)
            return { fp in .bool(try test(fp)) }
        case let r as RangeExpr:
            return compileRange(r)
        case let c as CallExpr:
            return compileCall(c)
        case let m as MutatingCallExpr:
            return compileMutatingCall(m)
        case let m as MemberExpr:
            return compileMember(m)
        case let i as IndexExpr:
            return compileIndex(i)
        case let f as FunctionExpr:
            return compileFunction(f)
        case let b as BlockExpr:
            return compileBlock(b, hoistTopLevel: false)
        case let i as IfExpr:
            return compileIf(i)
        case let w as WhileExpr:
            return compileWhile(w)
        case let f as ForExpr:
            return compileFor(f)
        case let t as TryExpr:
            return compileTry(t)
        case let l as LetStmt:
            return compileLet(l)
        case is FunctionDecl:
            return { _ in .null }    // created when its block is entered
        case let a as AssignStmt:
            return compileAssign(a)
        case let r as ReturnStmt:
            let value = r.value.map(compile)
            let rt = self.rt.state
            return { fp in
                rt.returnValue = try value?(fp) ?? .null
                rt.unwind = .returnValue
                return .null
            }
        case is BreakStmt:
            let rt = self.rt.state
            return { _ in rt.unwind = .breakLoop; return .null }
        case is ContinueStmt:
            let rt = self.rt.state
            return { _ in rt.unwind = .continueLoop; return .null }
        case let i as ImportStmt:
            unowned(unsafe) let interpreter = self.interpreter
            let module = i.module
            let span = i.span
            return { _ in
                if let module { try interpreter.runModule(module, importedAt: span) }
                return .null
            }
        default:
            let span = e.span
            return { _ in throw Diagnostic.runtime("internal: cannot compile this construct", at: span) }
        }
    }

    /// The shape of an operand, for specialised operator closures.
    func operand(_ e: Expr) -> Operand {
        if let l = e as? LiteralExpr { return .constant(l.value) }
        if let n = e as? NameExpr, case .local(let slot, let b) = n.access, !b.captured { return .local(slot) }
        return .code(compile(e))
    }

    // MARK: - Conditions

    /// Compiles an expression used as a condition; it must produce a boolean.
    func compileTest(_ e: Expr, what: String = "condition") -> Test {
        if let b = e as? BinaryExpr {
            let ctx = context(b.opSpan)
            let l = operand(b.left), r = operand(b.right)
            switch b.op {
            case .less: return KernelBuilder.test(LessKernel.self, l, r, ctx)
            case .lessEqual: return KernelBuilder.test(LessEqualKernel.self, l, r, ctx)
            case .greater: return KernelBuilder.test(GreaterKernel.self, l, r, ctx)
            case .greaterEqual: return KernelBuilder.test(GreaterEqualKernel.self, l, r, ctx)
            case .equal: return KernelBuilder.test(EqualKernel.self, l, r, ctx)
            case .notEqual: return KernelBuilder.test(NotEqualKernel.self, l, r, ctx)
            case .contains: return KernelBuilder.test(ContainsKernel.self, l, r, ctx)
            default: break
            }
        }
        if let l = e as? LogicalExpr {
            let a = compileTest(l.left, what: l.isAnd ? "operand of `and`" : "operand of `or`")
            let b = compileTest(l.right, what: l.isAnd ? "operand of `and`" : "operand of `or`")
            if l.isAnd { return { fp in try a(fp) && b(fp) } }
            return { fp in try a(fp) || b(fp) }
        }
        if let u = e as? UnaryExpr, u.op == .not {
            let a = compileTest(u.operand, what: "operand of `not`")
            return { fp in try !a(fp) }
        }
        if let lit = e as? LiteralExpr, case .bool(let b) = lit.value { return { _ in b } }
        let code = compile(e)
        let span = e.span
        return { fp in
            let v = try code(fp)
            if case .bool(let b) = v { return b }
            throw Diagnostic.runtime("\(what) must be true or false, got \(v.typeName)", at: span,
                                     hint: v.typeName == "int" || v.typeName == "float" ? "compare explicitly, e.g. `x != 0`" :
                                        (v.typeName == "list" ? "test for emptiness with `len(xs) > 0`" : nil))
        }
    }

    // MARK: - Operators

    func compileUnary(_ u: UnaryExpr) -> Code {
        switch u.op {
        case .not:
            let test = compileTest(u)
            return { fp in .bool(try test(fp)) }
        case .negate:
            let operand = compile(u.operand)
            let ctx = context(u.span)
            return { fp in
                let v = try operand(fp)
                if case .float(let d) = v { return .float(-d) }
                if case .int(let i) = v, i != Int.min { return .int(-i) }
                return try ctx.located { try Operators.negate(v, ctx.interpreter) }
            }
        }
    }

    func compileBinary(_ b: BinaryExpr) -> Code {
        let ctx = context(b.opSpan)
        let l = operand(b.left), r = operand(b.right)
        switch b.op {
        case .add: return KernelBuilder.binary(AddKernel.self, l, r, ctx)
        case .subtract: return KernelBuilder.binary(SubtractKernel.self, l, r, ctx)
        case .multiply: return KernelBuilder.binary(MultiplyKernel.self, l, r, ctx)
        case .divide: return KernelBuilder.binary(DivideKernel.self, l, r, ctx)
        case .floorDivide: return KernelBuilder.binary(FloorDivideKernel.self, l, r, ctx)
        case .modulo: return KernelBuilder.binary(ModuloKernel.self, l, r, ctx)
        case .power: return KernelBuilder.binary(PowerKernel.self, l, r, ctx)
        case .matmul: return KernelBuilder.binary(MatmulKernel.self, l, r, ctx)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .contains:
            let test = compileTest(b)
            return { fp in .bool(try test(fp)) }
        }
    }

    func compileRange(_ r: RangeExpr) -> Code {
        let lower = compile(r.lower), upper = compile(r.upper)
        let inclusive = r.inclusive
        let span = r.span
        return { fp in
            let lo = try lower(fp), hi = try upper(fp)
            guard case .int(let a) = lo, case .int(let b) = hi else {
                throw Diagnostic.runtime("range bounds must be integers, got \(lo.typeName) and \(hi.typeName)", at: span)
            }
            return .range(RangeBox(lower: a, upper: b, inclusive: inclusive))
        }
    }

    func compileInterpolation(_ i: InterpolationExpr) -> Code {
        enum Piece { case text(String), code(Code) }
        let pieces: [Piece] = i.parts.map {
            switch $0 {
            case .text(let s): return .text(s)
            case .code(let e): return .code(compile(e))
            }
        }
        return { fp in
            var out = ""
            for p in pieces {
                switch p {
                case .text(let s): out += s
                case .code(let c): out += ValueFormatter.printed(try c(fp))
                }
            }
            return .str(out)
        }
    }

    func compileRecord(_ r: RecordExpr) -> Code {
        enum KeyCode { case constant(Value), code(Code, Span) }
        let entries: [(KeyCode, Code)] = r.entries.map { entry in
            let key: KeyCode
            switch entry.key {
            case .name(let n): key = .constant(.str(n))
            case .expr(let e):
                if let lit = e as? LiteralExpr { key = .constant(lit.value) } else { key = .code(compile(e), e.span) }
            }
            return (key, compile(entry.value))
        }
        return { fp in
            let box = RecordBox()
            for (key, value) in entries {
                let k: Value
                switch key {
                case .constant(let c): k = c
                case .code(let c, let span):
                    k = try c(fp)
                    if HashKey(k) == nil {
                        throw Diagnostic.runtime("a \(k.typeName) cannot be a record key", at: span,
                                                 hint: "keys are strings, numbers, booleans or tuples of them")
                    }
                }
                box.set(k, try value(fp))
            }
            return .record(box)
        }
    }

    // MARK: - Control flow

    func compileIf(_ i: IfExpr) -> Code {
        let test = compileTest(i.condition, what: "`if` condition")
        let then = compile(i.thenBranch)
        if let e = i.elseBranch {
            let otherwise = compile(e)
            return { fp in try test(fp) ? try then(fp) : try otherwise(fp) }
        }
        return { fp in
            if try test(fp) { _ = try then(fp) }
            return .null
        }
    }

    func compileWhile(_ w: WhileExpr) -> Code {
        let test = compileTest(w.condition, what: "`while` condition")
        let body = compileBlock(w.body, hoistTopLevel: false)
        let rt = self.rt.state
        let span = w.span
        if !w.body.mayUnwind {
            return { fp in
                while try test(fp) {
                    _ = try body(fp)
                    try rt.tick(span)
                }
                return .null
            }
        }
        return { fp in
            while try test(fp) {
                _ = try body(fp)
                if rt.unwind != .none {
                    if rt.unwind == .breakLoop { rt.unwind = .none; break }
                    if rt.unwind == .continueLoop { rt.unwind = .none } else { return .null }
                }
                try rt.tick(span)
            }
            return .null
        }
    }

    func compileTry(_ t: TryExpr) -> Code {
        let body = compileBlock(t.body, hoistTopLevel: false)
        let (setup, handler) = compileBlockParts(t.handler)
        let store: ((UnsafeMutablePointer<Value>, Value) -> Void)? = t.errorBinding.map { storeCode($0) }
        let rt = self.rt.state
        return { fp in
            let sp = rt.sp, depth = rt.depth
            do {
                return try body(fp)
            } catch let d as Diagnostic {
                guard d.catchable else { throw d }
                if rt.sp > sp { (rt.stack + sp).deinitialize(count: rt.sp - sp); rt.sp = sp }
                rt.depth = depth
                rt.unwind = .none
                try setup(fp)
                store?(fp, Compiler.errorValue(d))
                return try handler(fp)
            }
        }
    }

    /// The value a `catch` clause binds: a record with the message and location.
    static func errorValue(_ d: Diagnostic) -> Value {
        var pairs: [(String, Value)] = [("message", .str(d.message)), ("location", .str(d.location))]
        if let hint = d.hint { pairs.append(("hint", .str(hint))) }
        return .record(RecordBox(pairs))
    }

    // MARK: - Blocks

    /// Compiles a block: creates cells for captured variables and hoisted local functions
    /// on entry, then runs the statements; the value is the last statement's.
    func compileBlock(_ b: BlockExpr, hoistTopLevel: Bool) -> Code {
        let (setup, run) = compileBlockParts(b, hoistTopLevel: hoistTopLevel)
        if b.cellBindings.isEmpty && !b.statements.contains(where: { $0 is FunctionDecl }) {
            return run
        }
        return { fp in
            try setup(fp)
            return try run(fp)
        }
    }

    /// The two halves of a block: entry set-up (cells, hoisted functions) and the statements.
    func compileBlockParts(_ b: BlockExpr, hoistTopLevel: Bool = false) -> (setup: (UnsafeMutablePointer<Value>) throws -> Void, run: Code) {
        let display = hoistTopLevel ? figureDisplay : nil
        figureDisplay = nil
        let cellSlots: [Int] = b.cellBindings.compactMap { if case .local(let s) = $0.storage { return s }; return nil }
        var hoisted: [(Code, (UnsafeMutablePointer<Value>, Value) -> Void)] = []
        for s in b.statements {
            if let f = s as? FunctionDecl, let binding = f.binding {
                hoisted.append((compileFunction(f.function), storeCode(binding, initialising: true)))
            }
        }
        let setup: (UnsafeMutablePointer<Value>) throws -> Void = { fp in
            for s in cellSlots { fp[s] = .cell(Cell(.null)) }
            for (make, store) in hoisted { store(fp, try make(fp)) }
        }
        let statements = b.statements.filter { !($0 is FunctionDecl) }
        let lastIsValue = statements.last.map { !($0 is LetStmt || $0 is AssignStmt) } ?? false
        let run = chain(statements[...], valueOfLast: lastIsValue, display: display)
        return (setup, run)
    }

    /// Statements run in order as a chain of closures (each compiled directly, never
    /// stored in an array: closures taken out of arrays are called through thunks).
    func chain(_ statements: ArraySlice<Expr>, valueOfLast: Bool, display: FigureDisplay? = nil) -> Code {
        guard let first = statements.first else { return { _ in .null } }
        var head = compile(first)
        let isLast = statements.count == 1
        if let display, Interpreter.isValueStatement(first), !(isLast && display == .allButLast) {
            head = showingFigures(head)
        }
        if statements.count == 1 {
            return valueOfLast ? head : { fp in _ = try head(fp); return .null }
        }
        let rest = chain(statements.dropFirst(), valueOfLast: valueOfLast, display: display)
        if first.mayUnwind {
            let rt = self.rt.state
            return { fp in
                _ = try head(fp)
                if rt.unwind != .none { return .null }
                return try rest(fp)
            }
        }
        return { fp in
            _ = try head(fp)
            return try rest(fp)
        }
    }

    // MARK: - Variables

    func compileRead(_ n: NameExpr) -> Code {
        switch n.access {
        case .local(let slot, let binding):
            if binding.captured {
                return { fp in
                    if case .cell(let c) = fp[slot] { return c.value }
                    return fp[slot]
                }
            }
            return { fp in fp[slot] }
        case .capture(let index):
            return { fp in
                if case .closure(let c) = fp[0] { return c.captures[index].value }
                return .null
            }
        case .global(let index):
            let globals = self.rt.globals.storage
            return { _ in globals.values[index] }
        case .unresolved:
            let span = n.span, name = n.name
            return { _ in throw Diagnostic.runtime("internal: unresolved name `\(name)`", at: span) }
        }
    }

    /// Code that stores into a variable. `initialising` stores into a fresh cell slot.
    func storeCode(_ b: Binding, initialising: Bool = false) -> (UnsafeMutablePointer<Value>, Value) -> Void {
        switch b.storage {
        case .global(let i):
            let globals = self.rt.globals.storage
            return { _, v in globals.values[i] = v }
        case .local(let slot):
            if b.captured {
                return { fp, v in
                    if case .cell(let c) = fp[slot] { c.value = v } else { fp[slot] = .cell(Cell(v)) }
                }
            }
            return { fp, v in fp[slot] = v }
        }
    }

    func compileLet(_ l: LetStmt) -> Code {
        let value = compile(l.value)
        let assign = compilePattern(l.pattern, bindings: l.bindings)
        return { fp in
            try assign(fp, try value(fp))
            return .null
        }
    }

    /// Code that destructures a value into the bindings of a pattern.
    func compilePattern(_ p: Pattern, bindings: [Binding]) -> (UnsafeMutablePointer<Value>, Value) throws -> Void {
        var next = 0
        func build(_ p: Pattern) -> (UnsafeMutablePointer<Value>, Value) throws -> Void {
            switch p {
            case .wildcard:
                return { _, _ in }
            case .name:
                guard next < bindings.count else { return { _, _ in } }
                let store = storeCode(bindings[next])
                next += 1
                return { fp, v in store(fp, v) }
            case .tuple(let items, let span):
                let parts = items.map(build)
                let count = parts.count
                return { fp, v in
                    let elements: [Value]
                    switch v {
                    case .tuple(let xs), .list(let xs): elements = xs
                    default:
                        throw Diagnostic.runtime("cannot destructure \(v.typeName) into \(count) names", at: span,
                                                 hint: "the value must be a tuple or list of \(count) elements")
                    }
                    guard elements.count == count else {
                        throw Diagnostic.runtime("cannot destructure a \(v.typeName) of \(elements.count) elements into \(count) names", at: span)
                    }
                    for i in 0..<count { try parts[i](fp, elements[i]) }
                }
            }
        }
        return build(p)
    }

    // MARK: - Functions

    func compileFunction(_ f: FunctionExpr) -> Code {
        guard let info = f.info else {
            let span = f.span
            return { _ in throw Diagnostic.runtime("internal: unresolved function", at: span) }
        }
        let defaults: [Code?] = f.parameters.map { p in p.defaultValue.map(compile) }
        let boxed = f.parameters.enumerated().compactMap { $0.element.binding?.captured == true ? $0.offset : nil }
        let sources = info.captures.map(\.source)
        let proto = FunctionProto(name: f.name, parameterNames: f.parameters.map(\.name), defaults: defaults,
                                  frameSize: info.frameSize, boxedParameters: boxed, span: f.span, captureSources: sources)
        proto.body = compile(f.body)
        if sources.isEmpty {
            let closure = Value.closure(Closure(proto: proto, captures: []))
            return { _ in closure }
        }
        return { fp in
            var cells: [Cell] = []
            cells.reserveCapacity(sources.count)
            for s in sources {
                switch s {
                case .enclosingSlot(let slot):
                    if case .cell(let c) = fp[slot] { cells.append(c) } else {
                        let c = Cell(fp[slot]); fp[slot] = .cell(c); cells.append(c)
                    }
                case .enclosingCapture(let i):
                    if case .closure(let outer) = fp[0], i < outer.captures.count { cells.append(outer.captures[i]) } else { cells.append(Cell(.null)) }
                }
            }
            return .closure(Closure(proto: proto, captures: cells))
        }
    }
}
