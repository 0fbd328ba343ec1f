extension Compiler {
    /// A call. Positional calls of language functions take a fast path that writes the
    /// arguments straight into the callee's frame.
    func compileCall(_ c: CallExpr) -> Code {
        if let member = c.callee as? MemberExpr {
            return compileMethodCall(c, member)
        }
        let callee = compile(c.callee)
        let span = c.span
        let calleeName = (c.callee as? NameExpr)?.name
        unowned(unsafe) let interpreter = self.interpreter
        let rt = self.rt.state
        let positionalExprs = c.arguments.filter { $0.label == nil }.map(\.value)
        let keywords = c.arguments.compactMap { a -> (String, Span?, Code)? in
            guard let label = a.label else { return nil }
            return (label, a.labelSpan, compile(a.value))
        }
        let n = positionalExprs.count
        if keywords.isEmpty, let (fill, collect) = argumentWriters(positionalExprs) {
            return { fp in
                let f = try callee(fp)
                if case .closure(let closure) = f, closure.proto.parameterNames.count == n {
                    let proto = closure.proto
                    try rt.tick(span)
                    let callFP = try rt.pushFrame(proto.frameSize, span)
                    defer { rt.popFrame(callFP, proto.frameSize) }
                    callFP[0] = f
                    try fill(fp, callFP)
                    return try rt.invoke(proto, callFP, span)
                }
                return try interpreter.call(f, try collect(fp), keywords: [], span: span, name: calleeName)
            }
        }
        let positional = positionalExprs.map { compile($0) }
        return { fp in
            let f = try callee(fp)
            var args: [Value] = []
            args.reserveCapacity(n)
            for p in positional { args.append(try p(fp)) }
            var kw: [(String, Span?, Value)] = []
            for (label, labelSpan, code) in keywords { kw.append((label, labelSpan, try code(fp))) }
            return try interpreter.call(f, args, keywords: kw, span: span, name: calleeName)
        }
    }

    /// For up to four positional arguments, code that writes them into a callee's frame
    /// (slots 1...n) and code that collects them for a native call; nil for more.
    func argumentWriters(_ exprs: [Expr]) -> (fill: (UnsafeMutablePointer<Value>, UnsafeMutablePointer<Value>) throws -> Void,
                                               collect: (UnsafeMutablePointer<Value>) throws -> [Value])? {
        switch exprs.count {
        case 0:
            return ({ _, _ in }, { _ in [] })
        case 1:
            let a = compile(exprs[0])
            return ({ fp, callee in callee[1] = try a(fp) }, { fp in [try a(fp)] })
        case 2:
            let a = compile(exprs[0]), b = compile(exprs[1])
            return ({ fp, callee in callee[1] = try a(fp); callee[2] = try b(fp) },
                    { fp in let x = try a(fp); return [x, try b(fp)] })
        case 3:
            let a = compile(exprs[0]), b = compile(exprs[1]), c = compile(exprs[2])
            return ({ fp, callee in callee[1] = try a(fp); callee[2] = try b(fp); callee[3] = try c(fp) },
                    { fp in let x = try a(fp); let y = try b(fp); return [x, y, try c(fp)] })
        case 4:
            let a = compile(exprs[0]), b = compile(exprs[1]), c = compile(exprs[2]), d = compile(exprs[3])
            return ({ fp, callee in
                        callee[1] = try a(fp); callee[2] = try b(fp); callee[3] = try c(fp); callee[4] = try d(fp)
                    },
                    { fp in let x = try a(fp); let y = try b(fp); let z = try c(fp); return [x, y, z, try d(fp)] })
        default:
            return nil
        }
    }

    /// `target.name(args)`: a record's function field, a native value's method, or a
    /// global function called with the target as its first argument.
    func compileMethodCall(_ c: CallExpr, _ m: MemberExpr) -> Code {
        let target = compile(m.target)
        let positional = c.arguments.filter { $0.label == nil }.map { compile($0.value) }
        let keywords = c.arguments.compactMap { a -> (String, Span?, Code)? in
            guard let label = a.label else { return nil }
            return (label, a.labelSpan, compile(a.value))
        }
        unowned(unsafe) let interpreter = self.interpreter
        let name = m.name, span = c.span, nameSpan = m.nameSpan
        return { fp in
            let t = try target(fp)
            var args: [Value] = []
            for p in positional { args.append(try p(fp)) }
            var kw: [(String, Span?, Value)] = []
            for (label, labelSpan, code) in keywords { kw.append((label, labelSpan, try code(fp))) }
            return try interpreter.callMethod(t, name, args, keywords: kw, span: span, nameSpan: nameSpan)
        }
    }

    func compileMember(_ m: MemberExpr) -> Code {
        let target = compile(m.target)
        unowned(unsafe) let interpreter = self.interpreter
        let name = m.name, span = m.nameSpan
        return { fp in try interpreter.member(of: try target(fp), name, span: span) }
    }

    func compileIndex(_ i: IndexExpr) -> Code {
        let target = compile(i.target)
        let span = i.span
        unowned(unsafe) let interpreter = self.interpreter
        if let lit = i.index as? LiteralExpr, case .int(let k) = lit.value {
            return { fp in
                let t = try target(fp)
                if case .list(let items) = t, k >= 0, k < items.count { return items[k] }
                return try interpreter.subscriptValue(t, .int(k), span: span)
            }
        }
        let index = operand(i.index)
        switch index {
        case .local(let slot):
            return { fp in
                let t = try target(fp)
                if case .list(let items) = t, case .int(let k) = fp[slot], k >= 0, k < items.count { return items[k] }
                return try interpreter.subscriptValue(t, fp[slot], span: span)
            }
        default:
            let code = KernelBuilder.code(index)
            return { fp in
                let t = try target(fp)
                let k = try code(fp)
                if case .list(let items) = t, case .int(let j) = k, j >= 0, j < items.count { return items[j] }
                return try interpreter.subscriptValue(t, k, span: span)
            }
        }
    }
}
