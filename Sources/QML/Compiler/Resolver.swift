/// Binds every name in a chunk to a slot, a capture or a global before anything runs,
/// and reports undefined names, assignments to `let` constants, misplaced
/// `break`/`continue`/`return` and import problems with their locations.
final class Resolver {
    /// What a subtree may do to control flow.
    struct Unwinds: OptionSet {
        let rawValue: UInt8
        static let loopJump = Unwinds(rawValue: 1)
        static let functionReturn = Unwinds(rawValue: 2)
    }

    /// Per-function state while resolving.
    final class Context {
        let info: FunctionInfo
        var scopes: [[String: Binding]] = [[:]]
        var blockCells: [[Binding]] = [[]]
        var loopDepth = 0
        let isTopLevel: Bool
        init(info: FunctionInfo, isTopLevel: Bool) { self.info = info; self.isTopLevel = isTopLevel }
    }

    let globals: Globals
    let loader: ModuleLoader
    let file: SourceFile
    var contexts: [Context] = []
    var errors: [Diagnostic] = []
    /// Top-level names declared later in the chunk than the statement being resolved.
    var pendingGlobals: Set<String> = []

    init(globals: Globals, loader: ModuleLoader, file: SourceFile) {
        self.globals = globals
        self.loader = loader
        self.file = file
    }

    var context: Context { contexts[contexts.count - 1] }

    /// Resolves a chunk; throws the first error (with the others attached as related).
    func resolve(_ chunk: Chunk) throws(Diagnostic) {
        let info = FunctionInfo(name: "<script>", parent: nil)
        chunk.info = info
        contexts = [Context(info: info, isTopLevel: true)]
        let statements = chunk.body.statements
        // Top-level functions are hoisted; other top-level names exist from the start
        // (so functions may refer to them) but may not be used before their declaration.
        for s in statements {
            if let f = s as? FunctionDecl {
                let i = globals.declare(f.function.name, mutable: false, at: f.nameSpan)
                f.binding = Binding(name: f.function.name, mutable: false, storage: .global(i), declaredAt: f.nameSpan, owner: nil)
            } else if let l = s as? LetStmt {
                for (name, span) in patternNames(l.pattern) {
                    if globals.index(of: name) == nil { pendingGlobals.insert(name) }
                    globals.declare(name, mutable: l.mutable, at: span)
                }
            }
        }
        for s in statements { _ = resolveStatement(s, topLevel: true) }
        chunk.body.cellBindings = context.blockCells[0]
        if var first = errors.first {
            first.related = Array(errors.dropFirst().prefix(9))
            throw first
        }
    }

    func report(_ message: String, at span: Span, hint: String? = nil) {
        errors.append(.syntax(message, at: span, hint: hint))
    }

    func patternNames(_ p: Pattern) -> [(String, Span)] {
        switch p {
        case .name(let n, let s): return [(n, s)]
        case .wildcard: return []
        case .tuple(let items, _): return items.flatMap { patternNames($0) }
        }
    }

    // MARK: - Declarations

    /// Declares a name in the innermost scope of the current function (or as a global
    /// for top-level statements of the chunk).
    func declare(_ name: String, mutable: Bool, at span: Span, topLevel: Bool) -> Binding {
        if topLevel && context.isTopLevel && context.scopes.count == 1 {
            pendingGlobals.remove(name)
            let i = globals.declare(name, mutable: mutable, at: span)
            return Binding(name: name, mutable: mutable, storage: .global(i), declaredAt: span, owner: nil)
        }
        let slot = context.info.newSlot()
        let binding = Binding(name: name, mutable: mutable, storage: .local(slot), declaredAt: span, owner: context.info)
        context.scopes[context.scopes.count - 1][name] = binding
        context.blockCells[context.blockCells.count - 1].append(binding)
        return binding
    }

    func declarePattern(_ p: Pattern, mutable: Bool, topLevel: Bool) -> [Binding] {
        var seen = Set<String>()
        var out: [Binding] = []
        for (name, span) in patternNames(p) {
            if seen.contains(name) { report("`\(name)` appears twice in the pattern", at: span); continue }
            seen.insert(name)
            out.append(declare(name, mutable: mutable, at: span, topLevel: topLevel))
        }
        return out
    }

    func pushScope() {
        context.scopes.append([:])
        context.blockCells.append([])
    }

    /// Pops a scope and returns the bindings in it that closures capture.
    func popScope() -> [Binding] {
        context.scopes.removeLast()
        return context.blockCells.removeLast().filter { $0.captured }
    }

    // MARK: - Names

    func lookup(_ name: NameExpr) -> Binding? {
        // Current function, innermost scope first.
        for scope in context.scopes.reversed() {
            if let b = scope[name.name] {
                name.access = .local(slot: slotOf(b), boxed: b)
                return b
            }
        }
        // Enclosing functions: capture through every function in between.
        var level = contexts.count - 2
        while level >= 0 {
            let ctx = contexts[level]
            for scope in ctx.scopes.reversed() {
                if let b = scope[name.name] {
                    if ctx.isTopLevel && ctx.scopes.count == 1, case .global(let i) = b.storage {
                        name.access = .global(index: i)
                        return b
                    }
                    b.captured = true
                    var index = -1
                    for l in (level + 1)..<contexts.count {
                        let info = contexts[l].info
                        if l == level + 1 {
                            index = info.captureIndex(of: b) { .enclosingSlot(slotOf(b)) }
                        } else {
                            let parentIndex = index
                            index = info.captureIndex(of: b) { .enclosingCapture(parentIndex) }
                        }
                    }
                    name.access = .capture(index: index)
                    return b
                }
            }
            level -= 1
        }
        if let i = globals.index(of: name.name) {
            name.access = .global(index: i)
            return Binding(name: name.name, mutable: globals.mutable[i], storage: .global(i),
                           declaredAt: globals.declaredAt[i] ?? name.span, owner: nil)
        }
        return nil
    }

    func slotOf(_ b: Binding) -> Int {
        if case .local(let s) = b.storage { return s }
        return 0
    }

    func visibleNames() -> [String] {
        var names = Set(globals.allNames)
        for ctx in contexts { for scope in ctx.scopes { names.formUnion(scope.keys) } }
        return Array(names)
    }

    func resolveName(_ name: NameExpr) {
        if contexts.count == 1 && pendingGlobals.contains(name.name) && lookupLocalOnly(name.name) == nil {
            report("`\(name.name)` is used before it is declared", at: name.span,
                   hint: "move the declaration of `\(name.name)` above this line")
            return
        }
        if let b = lookup(name) {
            name.binding = b
            return
        }
        report("undefined name `\(name.name)`", at: name.span, hint: Suggestions.didYouMean(name.name, in: visibleNames()))
    }

    func lookupLocalOnly(_ name: String) -> Binding? {
        for scope in context.scopes.reversed() { if let b = scope[name] { return b } }
        return nil
    }

    // MARK: - Statements and expressions

    func resolveStatement(_ s: Expr, topLevel: Bool) -> Unwinds {
        switch s {
        case let l as LetStmt:
            let u = resolve(l.value)
            l.bindings = declarePattern(l.pattern, mutable: l.mutable, topLevel: topLevel)
            l.mayUnwind = !u.isEmpty
            return u
        case let f as FunctionDecl:
            if f.binding == nil {
                // Local functions are declared before their bodies are resolved (recursion);
                // hoisting within the block happened in resolveBlock.
                f.binding = declare(f.function.name, mutable: false, at: f.nameSpan, topLevel: topLevel)
            }
            resolveFunction(f.function)
            return []
        default:
            return resolve(s)
        }
    }

    @discardableResult
    func resolve(_ e: Expr) -> Unwinds {
        let u = resolveInner(e)
        e.mayUnwind = !u.isEmpty
        return u
    }

    func resolveInner(_ e: Expr) -> Unwinds {
        switch e {
        case is LiteralExpr:
            return []
        case let n as NameExpr:
            resolveName(n)
            return []
        case let i as InterpolationExpr:
            var u: Unwinds = []
            for case .code(let c) in i.parts { u.formUnion(resolve(c)) }
            return u
        case let l as ListExpr:
            return l.elements.reduce(into: Unwinds()) { $0.formUnion(resolve($1)) }
        case let t as TupleExpr:
            return t.elements.reduce(into: Unwinds()) { $0.formUnion(resolve($1)) }
        case let r as RecordExpr:
            var u: Unwinds = []
            var seen = Set<String>()
            for entry in r.entries {
                if case .expr(let k) = entry.key { u.formUnion(resolve(k)) }
                if case .name(let n) = entry.key {
                    if seen.contains(n) { report("duplicate key `\(n)` in record", at: entry.keySpan) }
                    seen.insert(n)
                }
                u.formUnion(resolve(entry.value))
            }
            return u
        case let u as UnaryExpr:
            return resolve(u.operand)
        case let b as BinaryExpr:
            return resolve(b.left).union(resolve(b.right))
        case let l as LogicalExpr:
            return resolve(l.left).union(resolve(l.right))
        case let r as RangeExpr:
            return resolve(r.lower).union(resolve(r.upper))
        case let c as CallExpr:
            var u = resolve(c.callee)
            for a in c.arguments { u.formUnion(resolve(a.value)) }
            return u
        case let m as MemberExpr:
            return resolve(m.target)
        case let i as IndexExpr:
            return resolve(i.target).union(resolve(i.index))
        case let f as FunctionExpr:
            resolveFunction(f)
            return []
        case let b as BlockExpr:
            return resolveBlock(b)
        case let i as IfExpr:
            var u = resolve(i.condition)
            u.formUnion(resolve(i.thenBranch))
            if let e = i.elseBranch { u.formUnion(resolve(e)) }
            return u
        case let w as WhileExpr:
            let u = resolve(w.condition)
            context.loopDepth += 1
            let body = resolve(w.body)
            context.loopDepth -= 1
            return u.union(body.subtracting(.loopJump))
        case let f as ForExpr:
            let u = resolve(f.iterable)
            context.loopDepth += 1
            pushScope()
            f.bindings = declarePattern(f.pattern, mutable: false, topLevel: false)
            let body = resolveBlockContents(f.body)
            f.body.mayUnwind = !body.isEmpty
            f.body.cellBindings = popScope()
            context.loopDepth -= 1
            return u.union(body.subtracting(.loopJump))
        case let t as TryExpr:
            var u = resolve(t.body)
            pushScope()
            if let name = t.errorName, let span = t.errorSpan {
                t.errorBinding = declare(name, mutable: false, at: span, topLevel: false)
            }
            let h = resolveBlockContents(t.handler)
            t.handler.mayUnwind = !h.isEmpty
            t.handler.cellBindings = popScope()
            u.formUnion(h)
            return u
        case let a as AssignStmt:
            var u = resolve(a.value)
            for step in a.path { if case .index(let i) = step { u.formUnion(resolve(i)) } }
            resolveName(a.root)
            if let b = a.root.binding, !b.mutable {
                let what = a.path.isEmpty ? "assign to" : "change"
                report("cannot \(what) `\(a.root.name)`: it is a constant declared with `let`", at: a.root.span,
                       hint: "declare it with `var` to change it")
            }
            return u
        case let m as MutatingCallExpr:
            var u: Unwinds = []
            for step in m.path { if case .index(let i) = step { u.formUnion(resolve(i)) } }
            for a in m.arguments { u.formUnion(resolve(a.value)) }
            resolveName(m.root)
            return u
        case let r as ReturnStmt:
            var u: Unwinds = [.functionReturn]
            if let v = r.value { u.formUnion(resolve(v)) }
            if contexts.count == 1 {
                report("`return` outside a function", at: r.span, hint: "a script's last expression is its value; use it without `return`")
            }
            return u
        case is BreakStmt, is ContinueStmt:
            if context.loopDepth == 0 {
                report("`\(e is BreakStmt ? "break" : "continue")` outside a loop", at: e.span)
            }
            return [.loopJump]
        case let i as ImportStmt:
            do {
                i.module = try loader.load(i.path, from: file, at: i.span)
            } catch {
                errors.append(error)
            }
            return []
        case let l as LetStmt:
            return resolveStatement(l, topLevel: false)
        case let f as FunctionDecl:
            return resolveStatement(f, topLevel: false)
        default:
            report("internal: unknown syntax node", at: e.span)
            return []
        }
    }

    func resolveBlock(_ b: BlockExpr) -> Unwinds {
        pushScope()
        let u = resolveBlockContents(b)
        b.cellBindings = popScope()
        return u
    }

    /// Resolves the statements of a block in the current scope, hoisting local functions.
    func resolveBlockContents(_ b: BlockExpr) -> Unwinds {
        for s in b.statements {
            if let f = s as? FunctionDecl {
                f.binding = declare(f.function.name, mutable: false, at: f.nameSpan, topLevel: false)
            }
        }
        var u: Unwinds = []
        for s in b.statements { u.formUnion(resolveStatement(s, topLevel: false)) }
        return u
    }

    func resolveFunction(_ f: FunctionExpr) {
        let info = FunctionInfo(name: f.name, parent: context.info)
        f.info = info
        let ctx = Context(info: info, isTopLevel: false)
        contexts.append(ctx)
        for i in f.parameters.indices {
            let p = f.parameters[i]
            let slot = info.newSlot()
            let b = Binding(name: p.name, mutable: true, storage: .local(slot), declaredAt: p.span, owner: info)
            ctx.scopes[0][p.name] = b
            f.parameters[i].binding = b
        }
        for p in f.parameters { if let d = p.defaultValue { resolve(d) } }
        if let block = f.body as? BlockExpr {
            let u = resolveBlockContents(block)
            block.mayUnwind = !u.isEmpty
            let parameterBindings = f.parameters.compactMap(\.binding)
            block.cellBindings = ctx.blockCells[0].filter { b in b.captured && !parameterBindings.contains { $0 === b } }
        } else {
            resolve(f.body)
        }
        contexts.removeLast()
    }
}
