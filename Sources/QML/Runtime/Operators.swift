import Foundation

/// The meaning of the language's operators on every kind of value. The compiled code
/// handles int/float fast paths inline and calls these for everything else. Errors
/// carry no location; the caller adds the operator's span.
enum Operators {
    static func fail(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.runtime(message, at: nil, hint: hint)
    }

    static func typeError(_ verb: String, _ l: Value, _ r: Value, hint: String? = nil) -> Diagnostic {
        fail("cannot \(verb) \(l.typeName) and \(r.typeName)", hint: hint)
    }

    static func native(_ op: String, _ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value? {
        if case .object(let o) = l, let v = try o.binaryOperation(op, r, selfOnLeft: true, interpreter: interp) { return v }
        if case .object(let o) = r, let v = try o.binaryOperation(op, l, selfOnLeft: false, interpreter: interp) { return v }
        return nil
    }

    static func overflow(_ op: String, _ a: Int, _ b: Int) -> Diagnostic {
        fail("integer overflow in \(a) \(op) \(b)", hint: "integers are 64-bit; use a float (e.g. \(a).0) for larger numbers")
    }

    static func add(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let (v, o) = a.addingReportingOverflow(b)
            if o { throw overflow("+", a, b) }
            return .int(v)
        case (.float(let a), .float(let b)): return .float(a + b)
        case (.int(let a), .float(let b)): return .float(Double(a) + b)
        case (.float(let a), .int(let b)): return .float(a + Double(b))
        case (.string(let a), .string(let b)): return .str(a.value + b.value)
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.tuple(let a), .tuple(let b)): return .tuple(a + b)
        default:
            if let v = try native("+", l, r, interp) { return v }
            if case .string = l { throw typeError("add", l, r, hint: "convert with str(x), or use interpolation: \"...{x}\"") }
            if case .string = r { throw typeError("add", l, r, hint: "convert with str(x), or use interpolation: \"...{x}\"") }
            if case .list = l { throw typeError("add", l, r, hint: "to add an element use xs.append(v) or xs + [v]") }
            throw typeError("add", l, r)
        }
    }

    static func subtract(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let (v, o) = a.subtractingReportingOverflow(b)
            if o { throw overflow("-", a, b) }
            return .int(v)
        case (.float(let a), .float(let b)): return .float(a - b)
        case (.int(let a), .float(let b)): return .float(Double(a) - b)
        case (.float(let a), .int(let b)): return .float(a - Double(b))
        default:
            if let v = try native("-", l, r, interp) { return v }
            throw typeError("subtract", l, r)
        }
    }

    static func repeated(_ items: [Value], _ n: Int) throws -> [Value] {
        guard n >= 0 else { throw fail("cannot repeat a sequence a negative number of times (\(n))") }
        let (total, o) = items.count.multipliedReportingOverflow(by: n)
        guard !o, total <= 100_000_000 else { throw fail("repeated sequence would be too long") }
        var out: [Value] = []
        out.reserveCapacity(total)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    static func multiply(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let (v, o) = a.multipliedReportingOverflow(by: b)
            if o { throw overflow("*", a, b) }
            return .int(v)
        case (.float(let a), .float(let b)): return .float(a * b)
        case (.int(let a), .float(let b)): return .float(Double(a) * b)
        case (.float(let a), .int(let b)): return .float(a * Double(b))
        case (.list(let a), .int(let n)), (.int(let n), .list(let a)): return .list(try repeated(a, n))
        case (.string(let s), .int(let n)), (.int(let n), .string(let s)):
            guard n >= 0 else { throw fail("cannot repeat a string a negative number of times (\(n))") }
            let (total, o) = s.value.utf8.count.multipliedReportingOverflow(by: n)
            guard !o, total <= 100_000_000 else { throw fail("repeated string would be too long") }
            return .str(String(repeating: s.value, count: n))
        default:
            if let v = try native("*", l, r, interp) { return v }
            throw typeError("multiply", l, r)
        }
    }

    static func divide(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int, .int), (.float, .float), (.int, .float), (.float, .int):
            let a = l.asDouble ?? 0, b = r.asDouble ?? 0
            if b == 0 { throw fail("division by zero") }
            return .float(a / b)
        default:
            if let v = try native("/", l, r, interp) { return v }
            throw typeError("divide", l, r)
        }
    }

    static func floorDivide(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            if b == 0 { throw fail("division by zero") }
            let (q, o) = a.dividedReportingOverflow(by: b)
            if o { throw overflow("//", a, b) }
            let adjust = (a % b != 0) && ((a < 0) != (b < 0))
            return .int(adjust ? q - 1 : q)
        case (.int, .float), (.float, .int), (.float, .float):
            let a = l.asDouble ?? 0, b = r.asDouble ?? 0
            if b == 0 { throw fail("division by zero") }
            return .float((a / b).rounded(.down))
        default:
            if let v = try native("//", l, r, interp) { return v }
            throw typeError("divide", l, r)
        }
    }

    static func modulo(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            if b == 0 { throw fail("modulo by zero") }
            if b == -1 { return .int(0) }
            let m = a % b
            return .int(m != 0 && ((m < 0) != (b < 0)) ? m + b : m)
        case (.int, .float), (.float, .int), (.float, .float):
            let a = l.asDouble ?? 0, b = r.asDouble ?? 0
            if b == 0 { throw fail("modulo by zero") }
            let m = a.truncatingRemainder(dividingBy: b)
            return .float(m != 0 && ((m < 0) != (b < 0)) ? m + b : m)
        default:
            if let v = try native("%", l, r, interp) { return v }
            throw typeError("take the remainder of", l, r)
        }
    }

    static func power(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        switch (l, r) {
        case (.int(let a), .int(let b)):
            if b < 0 {
                if a == 0 { throw fail("division by zero", hint: "0 to a negative power") }
                return .float(Foundation.pow(Double(a), Double(b)))
            }
            var result = 1, base = a, e = b
            while e > 0 {
                if e & 1 == 1 {
                    let (v, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw fail("integer overflow in \(a) ^ \(b)", hint: "use a float base, e.g. \(a).0 ^ \(b)") }
                    result = v
                }
                e >>= 1
                if e > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw fail("integer overflow in \(a) ^ \(b)", hint: "use a float base, e.g. \(a).0 ^ \(b)") }
                    base = sq
                }
            }
            return .int(result)
        case (.int, .float), (.float, .int), (.float, .float):
            let a = l.asDouble ?? 0, b = r.asDouble ?? 0
            if a == 0 && b < 0 { throw fail("division by zero", hint: "0 to a negative power") }
            return .float(Foundation.pow(a, b))
        default:
            if let v = try native("^", l, r, interp) { return v }
            throw typeError("raise", l, r)
        }
    }

    static func matmul(_ l: Value, _ r: Value, _ interp: Interpreter) throws -> Value {
        if let v = try native("@", l, r, interp) { return v }
        throw typeError("matrix-multiply", l, r, hint: "`@` works on tensors: tensor([[1, 2], [3, 4]])")
    }

    static func negate(_ v: Value, _ interp: Interpreter) throws -> Value {
        switch v {
        case .int(let a):
            if a == Int.min { throw fail("integer overflow in -(\(a))") }
            return .int(-a)
        case .float(let a): return .float(-a)
        case .object(let o):
            if let r = try o.negated(interpreter: interp) { return r }
            throw fail("cannot negate \(v.typeName)")
        default: throw fail("cannot negate \(v.typeName)")
        }
    }

    static func compare(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Bool {
        guard let c = l.compare(r) else {
            if l.asDouble != nil, r.asDouble != nil { return false }   // NaN
            throw typeError("compare", l, r)
        }
        switch op {
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    static func contains(_ container: Value, _ item: Value, _ interp: Interpreter) throws -> Bool {
        switch container {
        case .list(let items), .tuple(let items): return items.contains { $0.equals(item) }
        case .range(let r):
            switch item {
            case .int(let i): return r.contains(i)
            case .float(let d):
                guard d.rounded() == d, let i = Int(exactly: d) else { return false }
                return r.contains(i)
            default: return false
            }
        case .record(let rec): return rec.position(of: item) != nil
        case .string(let s):
            guard case .string(let sub) = item else { throw fail("`in` on a string needs a string on the left, got \(item.typeName)") }
            return sub.value.isEmpty || s.value.contains(sub.value)
        case .object(let o):
            if let items = try o.elements(interpreter: interp) { return items.contains { $0.equals(item) } }
            throw fail("cannot test membership in \(container.typeName)")
        default:
            throw fail("cannot test membership in \(container.typeName)", hint: "`in` works on lists, tuples, ranges, records and strings")
        }
    }
}
