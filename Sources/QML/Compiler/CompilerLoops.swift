extension Compiler {
    /// `for pattern in iterable { body }`. Integer ranges count without allocating;
    /// every iteration gets fresh cells for variables that closures capture.
    func compileFor(_ f: ForExpr) -> Code {
        let (setup, body) = compileBlockParts(f.body)
        let needsSetup = !f.body.cellBindings.isEmpty || f.body.statements.contains { $0 is FunctionDecl }
        let assign = compilePattern(f.pattern, bindings: f.bindings)
        let rt = self.rt.state
        let span = f.span
        let mayUnwind = f.body.mayUnwind
        unowned(unsafe) let interpreter = self.interpreter
        let iterableSpan = f.iterable.span

        /// Runs one iteration; returns false when the loop must stop.
        @inline(__always)
        func step(_ fp: UnsafeMutablePointer<Value>, _ v: Value) throws -> Bool {
            if needsSetup { try setup(fp) }
            try assign(fp, v)
            _ = try body(fp)
            if mayUnwind && rt.unwind != .none {
                if rt.unwind == .breakLoop { rt.unwind = .none; return false }
                if rt.unwind == .continueLoop { rt.unwind = .none } else { return false }
            }
            try rt.tick(span)
            return true
        }

        // A plain variable over a range literal: a counting loop.
        if let range = f.iterable as? RangeExpr, case .name = f.pattern, f.bindings.count == 1,
           case .local(let slot) = f.bindings[0].storage, !f.bindings[0].captured, !needsSetup {
            let lower = compile(range.lower), upper = compile(range.upper)
            let inclusive = range.inclusive
            return { fp in
                let lo = try lower(fp), hi = try upper(fp)
                guard case .int(let a) = lo, case .int(let b) = hi else {
                    throw Diagnostic.runtime("range bounds must be integers, got \(lo.typeName) and \(hi.typeName)", at: iterableSpan)
                }
                if inclusive ? a > b : a >= b { return .null }
                var i = a
                while true {
                    fp[slot] = .int(i)
                    _ = try body(fp)
                    if mayUnwind && rt.unwind != .none {
                        if rt.unwind == .breakLoop { rt.unwind = .none; break }
                        if rt.unwind == .continueLoop { rt.unwind = .none } else { break }
                    }
                    try rt.tick(span)
                    if inclusive ? i >= b : i >= b - 1 { break }
                    i += 1
                }
                return .null
            }
        }

        let iterable = compile(f.iterable)
        return { fp in
            let v = try iterable(fp)
            switch v {
            case .list(let items), .tuple(let items):
                for item in items { if try !step(fp, item) { break } }
            case .range(let r):
                let n = r.count
                var i = 0
                while i < n {
                    if try !step(fp, .int(r.element(i))) { break }
                    i += 1
                }
            case .record(let rec):
                let keys = rec.keys, values = rec.values
                for i in 0..<keys.count { if try !step(fp, .tuple([keys[i], values[i]])) { break } }
            case .string(let s):
                for ch in s.value { if try !step(fp, .str(String(ch))) { break } }
            case .object(let o):
                guard let items = try o.elements(interpreter: interpreter) else {
                    throw Diagnostic.runtime("cannot loop over \(v.typeName)", at: iterableSpan)
                }
                for item in items { if try !step(fp, item) { break } }
            default:
                throw Diagnostic.runtime("cannot loop over \(v.typeName)", at: iterableSpan,
                                         hint: "`for` works on lists, tuples, ranges, records and strings")
            }
            return .null
        }
    }
}
