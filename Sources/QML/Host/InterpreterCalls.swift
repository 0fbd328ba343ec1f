import IsingCore

extension Interpreter {
    /// Calls any callable value with positional and keyword arguments. This is also how
    /// native code (map, filter, samplers' callbacks) calls back into the language.
    public func call(_ f: Value, _ positional: [Value], keywords: [(String, Span?, Value)] = [], span: Span? = nil, name: String? = nil) throws -> Value {
        let where_ = span ?? callSiteFallback
        switch f {
        case .closure(let c):
            return try callClosure(c, f, positional, keywords, span: where_)
        case .builtin(let b):
            return try callBuiltin(b, positional, keywords, span: where_)
        case .object(let o):
            if let callable = o as? CallableValue {
                do {
                    return try callable.call(positional, keywords: keywords.map { ($0.0, $0.2) }, interpreter: self)
                } catch var d as Diagnostic {
                    if d.span == nil { d.span = where_ }
                    throw d
                }
            }
            fallthrough
        default:
            let what = name.map { "`\($0)` is \(article(f.typeName)), not a function" } ?? "cannot call \(article(f.typeName))"
            throw Diagnostic.runtime(what, at: where_)
        }
    }

    /// Convenience for native code: call with positional arguments only.
    public func call(_ f: Value, _ args: Value...) throws -> Value { try call(f, args) }

    func article(_ typeName: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        guard let first = typeName.first else { return typeName }
        return (vowels.contains(first) ? "an " : "a ") + typeName
    }

    func callClosure(_ c: Closure, _ f: Value, _ positional: [Value], _ keywords: [(String, Span?, Value)], span: Span) throws -> Value {
        let proto = c.proto
        let n = proto.parameterNames.count
        if positional.count > n {
            throw Diagnostic.runtime("`\(proto.name)` takes \(n) argument\(n == 1 ? "" : "s") but \(positional.count) were given", at: span,
                                     hint: "its signature is \(proto.signature)")
        }
        try rt.tick(span)
        let fp = try rt.pushFrame(proto.frameSize, span)
        defer { rt.popFrame(fp, proto.frameSize) }
        fp[0] = f
        var given = [Bool](repeating: false, count: n)
        for (i, v) in positional.enumerated() { fp[i + 1] = v; given[i] = true }
        for (label, labelSpan, v) in keywords {
            guard let i = proto.parameterNames.firstIndex(of: label) else {
                throw Diagnostic.runtime("`\(proto.name)` has no parameter `\(label)`", at: labelSpan ?? span,
                                         hint: Suggestions.didYouMean(label, in: proto.parameterNames)
                                            ?? "its parameters are: \(proto.parameterNames.joined(separator: ", "))")
            }
            if given[i] {
                throw Diagnostic.runtime("argument `\(label)` of `\(proto.name)` is given twice", at: labelSpan ?? span)
            }
            fp[i + 1] = v
            given[i] = true
        }
        for i in 0..<n where !given[i] {
            guard let d = proto.defaults[i] else {
                throw Diagnostic.runtime("`\(proto.name)` is missing its argument `\(proto.parameterNames[i])`", at: span,
                                         hint: "its signature is \(proto.signature)")
            }
            fp[i + 1] = try d(fp)
        }
        return try rt.invoke(proto, fp, span)
    }

    func callBuiltin(_ b: Builtin, _ positional: [Value], _ keywords: [(String, Span?, Value)], span: Span) throws -> Value {
        let params = b.parameters
        var values = [Value?](repeating: nil, count: params.count)
        let variadicIndex = params.firstIndex { $0.kind == .variadic }
        var rest: [Value] = []
        var next = 0
        for v in positional {
            if next < params.count, params[next].kind != .variadic {
                values[next] = v
                next += 1
            } else if variadicIndex != nil {
                rest.append(v)
            } else {
                let fixed = params.count
                throw Diagnostic.runtime("`\(b.name)` takes at most \(fixed) argument\(fixed == 1 ? "" : "s") but \(positional.count) were given", at: span,
                                         hint: "its signature is \(b.signature)")
            }
        }
        if let vi = variadicIndex { values[vi] = .list(rest) }
        for (label, labelSpan, v) in keywords {
            guard let i = params.firstIndex(where: { $0.name == label && $0.kind != .variadic }) else {
                let accepted = params.filter { $0.kind != .variadic }.map(\.name)
                var hint = accepted.isEmpty ? "it takes no keyword arguments" : "accepted: \(accepted.joined(separator: ", "))"
                if let near = Suggestions.closest(to: label, in: accepted) { hint = "did you mean `\(near)`? " + hint }
                throw Diagnostic.runtime("`\(b.name)` has no parameter `\(label)`", at: labelSpan ?? span, hint: hint)
            }
            if values[i] != nil {
                throw Diagnostic.runtime("argument `\(label)` of `\(b.name)` is given twice", at: labelSpan ?? span)
            }
            values[i] = v
        }
        for (i, p) in params.enumerated() where p.kind == .required && values[i] == nil {
            throw Diagnostic.runtime("`\(b.name)` is missing its argument `\(p.name)`", at: span, hint: "its signature is \(b.signature)")
        }
        var args = Arguments(values: values, builtin: b, interpreter: self)
        let savedSite = callSiteFallback
        callSiteFallback = span
        defer { callSiteFallback = savedSite }
        do {
            return try b.body(&args)
        } catch var d as Diagnostic {
            if d.span == nil { d.span = span }
            throw d
        } catch is CancelledError {
            var d = Diagnostic.runtime("interrupted", at: span)
            d.catchable = false
            throw d
        } catch {
            throw Diagnostic.runtime("\(b.name): \(error)", at: span)
        }
    }

    // MARK: - Members

    /// `target.name` as a value.
    func member(of target: Value, _ name: String, span: Span) throws -> Value {
        switch target {
        case .record(let r):
            if let v = r.get(name) { return v }
            throw Diagnostic.runtime("record has no field `\(name)`", at: span,
                                     hint: Suggestions.didYouMean(name, in: r.stringKeys) ?? (r.count == 0 ? "the record is empty" : "its fields are: \(r.stringKeys.joined(separator: ", "))"))
        case .tuple(let items):
            if let i = Int(name), i >= 0, i < items.count { return items[i] }
            throw Diagnostic.runtime("tuple has no member `\(name)`", at: span, hint: "elements are t[0] ... t[\(items.count - 1)]")
        case .object(let o):
            do {
                if let v = try o.member(name, interpreter: self) { return v }
            } catch var d as Diagnostic {
                if d.span == nil { d.span = span }
                throw d
            }
            throw Diagnostic.runtime("\(o.typeName) has no member `\(name)`", at: span,
                                     hint: Suggestions.didYouMean(name, in: o.memberNames) ?? (o.memberNames.isEmpty ? nil : "members: \(o.memberNames.joined(separator: ", "))"))
        default:
            var hint: String?
            if globals.index(of: name) != nil { hint = "call it as a method, `x.\(name)()`, or as a function, `\(name)(x)`" }
            throw Diagnostic.runtime("\(target.typeName) has no member `\(name)`", at: span, hint: hint)
        }
    }

    /// `target.name(args)`.
    func callMethod(_ target: Value, _ name: String, _ args: [Value], keywords: [(String, Span?, Value)], span: Span, nameSpan: Span) throws -> Value {
        switch target {
        case .record(let r):
            if let f = r.get(name) { return try call(f, args, keywords: keywords, span: span, name: name) }
        case .object(let o):
            let m: Value?
            do { m = try o.member(name, interpreter: self) } catch var d as Diagnostic {
                if d.span == nil { d.span = nameSpan }
                throw d
            }
            if let m { return try call(m, args, keywords: keywords, span: span, name: name) }
        default:
            break
        }
        // A global function called with the target as its first argument: xs.map(f) is map(xs, f).
        if let i = globals.index(of: name) {
            let f = globals.values[i]
            switch f {
            case .closure, .builtin: return try call(f, [target] + args, keywords: keywords, span: span, name: name)
            default: break
            }
        }
        var candidates = Array(globals.allNames)
        if case .record(let r) = target { candidates += r.stringKeys }
        if case .object(let o) = target { candidates += o.memberNames }
        throw Diagnostic.runtime("\(target.typeName) has no method `\(name)`", at: nameSpan,
                                 hint: Suggestions.didYouMean(name, in: candidates))
    }

    // MARK: - Indexing

    /// Turns an index (negative counts from the end) into a position, or fails with the valid range.
    static func normalizedIndex(_ k: Value, count: Int, of what: String, span: Span) throws -> Int {
        let i: Int
        switch k {
        case .int(let v): i = v
        case .float(let d) where d.rounded() == d && Int(exactly: d) != nil: i = Int(exactly: d) ?? 0
        default:
            throw Diagnostic.runtime("\(what) index must be an integer, got \(k.typeName)", at: span)
        }
        let j = i < 0 ? i &+ count : i
        guard j >= 0, j < count else {
            let hint = count == 0 ? "the \(what) is empty" : "valid indices are 0..<\(count) (or -\(count)...-1 from the end)"
            throw Diagnostic.runtime("index \(i) out of range for \(what) of \(count) element\(count == 1 ? "" : "s")", at: span, hint: hint)
        }
        return j
    }

    /// The positions a slice range selects, clamped like Python's slices.
    static func sliceIndices(_ r: RangeBox, count: Int) -> [Int] {
        func clamp(_ v: Int) -> Int {
            let x = v < 0 ? v &+ count : v
            return max(0, min(count, x))
        }
        let lo = clamp(r.lower)
        var hi = r.upper < 0 ? r.upper &+ count : r.upper
        if r.inclusive { hi = hi &+ 1 }
        hi = max(0, min(count, hi))
        guard r.step > 0, lo < hi else { return [] }
        return Array(stride(from: lo, to: hi, by: r.step))
    }

    /// `target[index]` for every indexable kind of value.
    func subscriptValue(_ t: Value, _ k: Value, span: Span) throws -> Value {
        switch t {
        case .list(let items), .tuple(let items):
            let kind = t.typeName
            if case .range(let r) = k {
                let picked = Interpreter.sliceIndices(r, count: items.count).map { items[$0] }
                return kind == "list" ? .list(picked) : .tuple(picked)
            }
            return items[try Interpreter.normalizedIndex(k, count: items.count, of: kind, span: span)]
        case .string(let s):
            let chars = Array(s.value)
            if case .range(let r) = k {
                return .str(String(Interpreter.sliceIndices(r, count: chars.count).map { chars[$0] }))
            }
            return .str(String(chars[try Interpreter.normalizedIndex(k, count: chars.count, of: "string", span: span)]))
        case .record(let r):
            if let v = r.get(k) { return v }
            throw Diagnostic.runtime("record has no key \(ValueFormatter.describe(k))", at: span,
                                     hint: Suggestions.didYouMean(k.asString ?? "", in: r.stringKeys))
        case .range(let r):
            if case .range(let s) = k {
                return .list(Interpreter.sliceIndices(s, count: r.count).map { .int(r.element($0)) })
            }
            return .int(r.element(try Interpreter.normalizedIndex(k, count: r.count, of: "range", span: span)))
        case .object(let o):
            do {
                if let v = try o.subscripted(k, interpreter: self) { return v }
            } catch var d as Diagnostic {
                if d.span == nil { d.span = span }
                throw d
            }
            throw Diagnostic.runtime("\(o.typeName) cannot be indexed", at: span)
        default:
            throw Diagnostic.runtime("\(t.typeName) cannot be indexed", at: span,
                                     hint: t.typeName == "nil" ? "the value is nil" : nil)
        }
    }

    /// One step into a value, for finding the receiver of a mutating method.
    func step(_ v: Value, _ key: PlaceKey) throws -> Value {
        switch key {
        case .index(let k, let span): return try subscriptValue(v, k, span: span)
        case .field(let name, let span): return try member(of: v, name, span: span)
        }
    }

    /// Applies a mutating list/record method in place; the value is the method's result.
    func mutate(_ target: inout Value, _ method: String, _ args: [Value], keywords: [(String, Span?, Value)], span: Span, methodSpan: Span) throws -> Value {
        func arity(_ n: ClosedRange<Int>, _ usage: String) throws {
            if !keywords.isEmpty || !n.contains(args.count) {
                throw Diagnostic.runtime("`\(method)` takes \(usage)", at: span)
            }
        }
        switch target {
        case .list(var items):
            target = .null
            defer { target = .list(items) }
            switch method {
            case "append":
                try arity(1...1, "one argument: xs.append(value)")
                items.append(args[0])
                return .null
            case "extend":
                try arity(1...1, "one argument: xs.extend(other_list)")
                guard let more = try args[0].iterated() else {
                    throw Diagnostic.runtime("`extend` needs a list, got \(args[0].typeName)", at: span)
                }
                items.append(contentsOf: more)
                return .null
            case "insert":
                try arity(2...2, "two arguments: xs.insert(index, value)")
                guard case .int(var i) = args[0] else { throw Diagnostic.runtime("`insert` index must be an integer", at: span) }
                if i < 0 { i += items.count }
                items.insert(args[1], at: max(0, min(items.count, i)))
                return .null
            case "pop":
                try arity(0...1, "at most one argument: xs.pop() or xs.pop(index)")
                if items.isEmpty { throw Diagnostic.runtime("pop from an empty list", at: span) }
                let i = args.isEmpty ? items.count - 1 : try Interpreter.normalizedIndex(args[0], count: items.count, of: "list", span: span)
                return items.remove(at: i)
            case "remove":
                try arity(1...1, "one argument: xs.remove(value)")
                guard let i = items.firstIndex(where: { $0.equals(args[0]) }) else {
                    throw Diagnostic.runtime("\(ValueFormatter.describe(args[0])) is not in the list", at: span)
                }
                items.remove(at: i)
                return .null
            case "clear":
                try arity(0...0, "no arguments")
                items.removeAll()
                return .null
            default:
                break
            }
            let copy = items
            return try callMethod(.list(copy), method, args, keywords: keywords, span: span, nameSpan: methodSpan)
        case .record(var box):
            target = .null
            if !isKnownUniquelyReferenced(&box) { box = RecordBox(copying: box) }
            defer { target = .record(box) }
            switch method {
            case "remove", "pop":
                try arity(1...1, "one argument: r.\(method)(key)")
                guard let v = box.remove(args[0]) else {
                    throw Diagnostic.runtime("record has no key \(ValueFormatter.describe(args[0]))", at: span)
                }
                return v
            case "set":
                try arity(2...2, "two arguments: r.set(key, value)")
                guard box.set(args[0], args[1]) else {
                    throw Diagnostic.runtime("a \(args[0].typeName) cannot be a record key", at: span)
                }
                return .null
            case "clear":
                try arity(0...0, "no arguments")
                box = RecordBox()
                return .null
            default:
                if let f = box.get(method) { return try call(f, args, keywords: keywords, span: span, name: method) }
                return try callMethod(.record(box), method, args, keywords: keywords, span: span, nameSpan: methodSpan)
            }
        default:
            return try callMethod(target, method, args, keywords: keywords, span: span, nameSpan: methodSpan)
        }
    }
}

/// A native value that can be called like a function (networks, models).
public protocol CallableValue: AnyObject {
    func call(_ positional: [Value], keywords: [(String, Value)], interpreter: Interpreter) throws -> Value
}
