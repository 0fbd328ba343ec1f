/// One evaluated step into a place: `[key]` or `.field`.
enum PlaceKey {
    case index(Value, Span)
    case field(String, Span)
}

/// How the root variable of an assignment is reached.
enum RootAccess {
    case local(Int)
    case cell(Int)
    case capture(Int)
    case global(Int)
}

extension Compiler {
    func rootAccess(_ n: NameExpr) -> RootAccess? {
        switch n.access {
        case .local(let slot, let b): return b.captured ? .cell(slot) : .local(slot)
        case .capture(let i): return .capture(i)
        case .global(let i): return .global(i)
        case .unresolved: return nil
        }
    }

    /// Moves the root's value out of its variable (so it is uniquely referenced and can
    /// be changed in place), applies `body`, and puts the result back, even on error.
    static func withRoot(_ root: RootAccess, _ fp: UnsafeMutablePointer<Value>, _ globals: GlobalValues,
                         _ body: (inout Value) throws -> Value) rethrows -> Value {
        switch root {
        case .local(let slot):
            var v = fp[slot]
            fp[slot] = .null
            defer { fp[slot] = v }
            return try body(&v)
        case .cell(let slot):
            guard case .cell(let c) = fp[slot] else {
                var v = fp[slot]
                fp[slot] = .null
                defer { fp[slot] = v }
                return try body(&v)
            }
            var v = c.value
            c.value = .null
            defer { c.value = v }
            return try body(&v)
        case .capture(let i):
            guard case .closure(let closure) = fp[0], i < closure.captures.count else {
                var scratch = Value.null
                return try body(&scratch)
            }
            let c = closure.captures[i]
            var v = c.value
            c.value = .null
            defer { c.value = v }
            return try body(&v)
        case .global(let i):
            var v = globals.values[i]
            globals.values[i] = .null
            defer { globals.values[i] = v }
            return try body(&v)
        }
    }

    func compileSteps(_ path: [PlaceStep]) -> [(UnsafeMutablePointer<Value>) throws -> PlaceKey] {
        path.map { step in
            switch step {
            case .field(let name, let span):
                return { _ in .field(name, span) }
            case .index(let e):
                let code = compile(e)
                let span = e.span
                return { fp in .index(try code(fp), span) }
            }
        }
    }

    func compileAssign(_ a: AssignStmt) -> Code {
        let value = compile(a.value)
        let span = a.span
        guard let root = rootAccess(a.root) else {
            return { _ in throw Diagnostic.runtime("internal: unresolved assignment target", at: span) }
        }
        let ctx = context(a.span)
        let combine: ((Value, Value) throws -> Value)?
        switch a.op {
        case .set: combine = nil
        case .add: combine = { try AddKernel.apply($0, $1, ctx) }
        case .subtract: combine = { try SubtractKernel.apply($0, $1, ctx) }
        case .multiply: combine = { try MultiplyKernel.apply($0, $1, ctx) }
        case .divide: combine = { try DivideKernel.apply($0, $1, ctx) }
        }
        let globals = self.rt.globals.storage
        if a.path.isEmpty, case .local(let slot) = root, let fused = fusedLocalArithmetic(a, slot: slot, ctx: ctx) {
            return fused
        }
        if a.path.isEmpty {
            switch (root, combine) {
            case (.local(let slot), nil):
                return { fp in fp[slot] = try value(fp); return .null }
            case (.local(let slot), .some(let op)):
                if a.op == .add {
                    return { fp in
                        let v = try value(fp)
                        fp[slot] = try AddKernel.apply(fp[slot], v, ctx)
                        return .null
                    }
                }
                return { fp in
                    let v = try value(fp)
                    fp[slot] = try op(fp[slot], v)
                    return .null
                }
            case (.global(let i), nil):
                return { fp in globals.values[i] = try value(fp); return .null }
            default:
                return { fp in
                    let v = try value(fp)
                    _ = try Compiler.withRoot(root, fp, globals) { current in
                        current = try combine.map { try $0(current, v) } ?? v
                        return .null
                    }
                    return .null
                }
            }
        }
        let steps = compileSteps(a.path)
        return { fp in
            let v = try value(fp)
            var keys: [PlaceKey] = []
            keys.reserveCapacity(steps.count)
            for s in steps { keys.append(try s(fp)) }
            _ = try Compiler.withRoot(root, fp, globals) { current in
                try Compiler.modify(&current, keys[...], create: combine == nil) { slot in
                    slot = try combine.map { try $0(slot, v) } ?? v
                    return .null
                }
            }
            return .null
        }
    }

    /// `x = x + y`, `x = x - 1`, `x += y` ... on plain local slots as one closure with an
    /// inline integer fast path: the shape of most counters and accumulators.
    func fusedLocalArithmetic(_ a: AssignStmt, slot: Int, ctx: OpContext) -> Code? {
        let op: BinaryOp
        let left: Operand, right: Operand
        switch a.op {
        case .add, .subtract, .multiply:
            op = a.op == .add ? .add : (a.op == .subtract ? .subtract : .multiply)
            left = .local(slot)
            right = operand(a.value)
        case .set:
            guard let b = a.value as? BinaryExpr, b.op == .add || b.op == .subtract || b.op == .multiply else { return nil }
            op = b.op
            left = operand(b.left)
            right = operand(b.right)
        case .divide:
            return nil
        }
        switch (op, left, right) {
        case (.add, .local(let x), .local(let y)):
            let inPlace = x == slot
            return { fp in
                if case .int(let p) = fp[x], case .int(let q) = fp[y] {
                    let (r, o) = p.addingReportingOverflow(q)
                    if !o {
                        // The slot is known to hold an int: overwrite it without a release.
                        if inPlace { (fp + slot).initialize(to: .int(r)) } else { fp[slot] = .int(r) }
                        return .null
                    }
                }
                fp[slot] = try AddKernel.apply(fp[x], fp[y], ctx)
                return .null
            }
        case (.add, .local(let x), .constant(let c)):
            if case .int(let q) = c {
                let inPlace = x == slot
                return { fp in
                    if case .int(let p) = fp[x] {
                        let (r, o) = p.addingReportingOverflow(q)
                        if !o {
                            if inPlace { (fp + slot).initialize(to: .int(r)) } else { fp[slot] = .int(r) }
                            return .null
                        }
                    }
                    fp[slot] = try AddKernel.apply(fp[x], c, ctx)
                    return .null
                }
            }
            return { fp in fp[slot] = try AddKernel.apply(fp[x], c, ctx); return .null }
        case (.subtract, .local(let x), .constant(let c)):
            return { fp in fp[slot] = try SubtractKernel.apply(fp[x], c, ctx); return .null }
        case (.add, _, _):
            let l = KernelBuilder.code(left), r = KernelBuilder.code(right)
            return { fp in let p = try l(fp); let q = try r(fp); fp[slot] = try AddKernel.apply(p, q, ctx); return .null }
        case (.subtract, _, _):
            let l = KernelBuilder.code(left), r = KernelBuilder.code(right)
            return { fp in let p = try l(fp); let q = try r(fp); fp[slot] = try SubtractKernel.apply(p, q, ctx); return .null }
        default:
            let l = KernelBuilder.code(left), r = KernelBuilder.code(right)
            return { fp in let p = try l(fp); let q = try r(fp); fp[slot] = try MultiplyKernel.apply(p, q, ctx); return .null }
        }
    }

    /// Walks `keys` into `v`, changing lists and records in place where uniquely owned.
    static func modify(_ v: inout Value, _ keys: ArraySlice<PlaceKey>, create: Bool,
                       _ body: (inout Value) throws -> Value) throws -> Value {
        guard let key = keys.first else { return try body(&v) }
        let rest = keys.dropFirst()
        switch key {
        case .index(let k, let span):
            switch v {
            case .list(var items):
                let i = try Interpreter.normalizedIndex(k, count: items.count, of: "list", span: span)
                v = .null
                defer { v = .list(items) }
                return try modify(&items[i], rest, create: create, body)
            case .record(var box):
                v = .null
                if !isKnownUniquelyReferenced(&box) { box = RecordBox(copying: box) }
                defer { v = .record(box) }
                return try modifyEntry(box, k, span: span, rest, create: create, body)
            case .tuple:
                throw Diagnostic.runtime("cannot change an element of a tuple", at: span, hint: "tuples are fixed; build a new one or use a list")
            case .string:
                throw Diagnostic.runtime("cannot change a character of a string", at: span, hint: "strings are immutable; build a new one")
            default:
                throw Diagnostic.runtime("cannot assign to an element of \(v.typeName)", at: span)
            }
        case .field(let name, let span):
            guard case .record(var box) = v else {
                throw Diagnostic.runtime("cannot set field `\(name)` on \(v.typeName)", at: span,
                                         hint: v.typeName == "nil" ? "the variable holds nil; assign a record first, e.g. {\(name): ...}" : nil)
            }
            v = .null
            if !isKnownUniquelyReferenced(&box) { box = RecordBox(copying: box) }
            defer { v = .record(box) }
            return try modifyEntry(box, .str(name), span: span, rest, create: create, body)
        }
    }

    static func modifyEntry(_ box: RecordBox, _ key: Value, span: Span, _ rest: ArraySlice<PlaceKey>, create: Bool,
                            _ body: (inout Value) throws -> Value) throws -> Value {
        if let i = box.position(of: key) {
            var element = box.values[i]
            box.setValue(at: i, .null)
            defer { box.setValue(at: i, element) }
            return try modify(&element, rest, create: create, body)
        }
        guard rest.isEmpty, create else {
            throw Diagnostic.runtime("record has no key \(ValueFormatter.describe(key))", at: span,
                                     hint: Suggestions.didYouMean(key.asString ?? "", in: box.stringKeys))
        }
        guard HashKey(key) != nil else {
            throw Diagnostic.runtime("a \(key.typeName) cannot be a record key", at: span)
        }
        var element = Value.null
        let result = try body(&element)
        box.set(key, element)
        return result
    }

    /// `xs.append(v)` and friends on a variable: change the list or record in place;
    /// on other values, an ordinary method call.
    func compileMutatingCall(_ m: MutatingCallExpr) -> Code {
        let span = m.span
        guard let root = rootAccess(m.root) else {
            return { _ in throw Diagnostic.runtime("internal: unresolved method target", at: span) }
        }
        let steps = compileSteps(m.path)
        let readRoot = compileRead(m.root)
        let positional = m.arguments.filter { $0.label == nil }.map { compile($0.value) }
        let keywords = m.arguments.compactMap { a -> (String, Span?, Code)? in
            guard let label = a.label else { return nil }
            return (label, a.labelSpan, compile(a.value))
        }
        unowned(unsafe) let interpreter = self.interpreter
        let globals = self.rt.globals.storage
        let method = m.method, methodSpan = m.methodSpan
        let mutable = m.root.binding?.mutable ?? true
        let rootName = m.root.name
        // The common case `xs.append(v)` on a plain local list: append in place.
        if m.path.isEmpty, method == "append", positional.count == 1, keywords.isEmpty, mutable,
           case .local(let slot) = root {
            let value = positional[0]
            return { fp in
                let v = try value(fp)
                if case .list(var items) = fp[slot] {
                    fp[slot] = .null
                    items.append(v)
                    fp[slot] = .list(items)
                    return .null
                }
                return try interpreter.callMethod(fp[slot], method, [v], keywords: [], span: span, nameSpan: methodSpan)
            }
        }
        return { fp in
            var args: [Value] = []
            for p in positional { args.append(try p(fp)) }
            var kw: [(String, Span?, Value)] = []
            for (label, labelSpan, code) in keywords { kw.append((label, labelSpan, try code(fp))) }
            var keys: [PlaceKey] = []
            for s in steps { keys.append(try s(fp)) }
            // Find the value the method is called on, to decide whether this is a mutation.
            var target = try readRoot(fp)
            for key in keys { target = try interpreter.step(target, key) }
            let isCollection: Bool
            switch target {
            case .list, .record: isCollection = true
            default: isCollection = false
            }
            guard isCollection else {
                return try interpreter.callMethod(target, method, args, keywords: kw, span: span, nameSpan: methodSpan)
            }
            // Drop this reference so the collection is uniquely owned by its variable.
            target = .null
            guard mutable else {
                throw Diagnostic.runtime("cannot change `\(rootName)`: it is a constant declared with `let`", at: methodSpan,
                                         hint: "declare it with `var` to change it, or use the function form \(method)(\(rootName), ...) for a new value")
            }
            return try Compiler.withRoot(root, fp, globals) { current in
                try Compiler.modify(&current, keys[...], create: false) { slot in
                    try interpreter.mutate(&slot, method, args, keywords: kw, span: span, methodSpan: methodSpan)
                }
            }
        }
    }
}
