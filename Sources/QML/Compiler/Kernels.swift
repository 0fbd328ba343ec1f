/// Everything an operator needs to report an error: where it is and who is running.
final class OpContext {
    let span: Span
    unowned(unsafe) let interpreter: Interpreter
    init(span: Span, interpreter: Interpreter) { self.span = span; self.interpreter = interpreter }

    /// Runs a slow path and attaches this operator's location to its error.
    @inline(never)
    func located(_ body: () throws -> Value) throws -> Value {
        do { return try body() } catch var d as Diagnostic {
            if d.span == nil { d.span = span }
            throw d
        }
    }

    @inline(never)
    func locatedBool(_ body: () throws -> Bool) throws -> Bool {
        do { return try body() } catch var d as Diagnostic {
            if d.span == nil { d.span = span }
            throw d
        }
    }
}

/// A binary operator with an inline fast path for machine numbers. Generic code
/// specialised per kernel gives each operator its own tight closure.
protocol BinaryKernel {
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value
}

enum AddKernel: BinaryKernel {
    @inline(__always)
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r {
            let (v, o) = a.addingReportingOverflow(b)
            if !o { return .int(v) }
        } else if case .float(let a) = l, case .float(let b) = r {
            return .float(a + b)
        }
        return try ctx.located { try Operators.add(l, r, ctx.interpreter) }
    }
}

enum SubtractKernel: BinaryKernel {
    @inline(__always)
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r {
            let (v, o) = a.subtractingReportingOverflow(b)
            if !o { return .int(v) }
        } else if case .float(let a) = l, case .float(let b) = r {
            return .float(a - b)
        }
        return try ctx.located { try Operators.subtract(l, r, ctx.interpreter) }
    }
}

enum MultiplyKernel: BinaryKernel {
    @inline(__always)
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r {
            let (v, o) = a.multipliedReportingOverflow(by: b)
            if !o { return .int(v) }
        } else if case .float(let a) = l, case .float(let b) = r {
            return .float(a * b)
        }
        return try ctx.located { try Operators.multiply(l, r, ctx.interpreter) }
    }
}

enum DivideKernel: BinaryKernel {
    @inline(__always)
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        if case .float(let a) = l, case .float(let b) = r, b != 0 { return .float(a / b) }
        return try ctx.located { try Operators.divide(l, r, ctx.interpreter) }
    }
}

enum FloorDivideKernel: BinaryKernel {
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        try ctx.located { try Operators.floorDivide(l, r, ctx.interpreter) }
    }
}

enum ModuloKernel: BinaryKernel {
    @inline(__always)
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r, b > 0, a >= 0 { return .int(a % b) }
        return try ctx.located { try Operators.modulo(l, r, ctx.interpreter) }
    }
}

enum PowerKernel: BinaryKernel {
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        try ctx.located { try Operators.power(l, r, ctx.interpreter) }
    }
}

enum MatmulKernel: BinaryKernel {
    static func apply(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Value {
        try ctx.located { try Operators.matmul(l, r, ctx.interpreter) }
    }
}

/// A binary operator that yields a truth value (comparisons), usable directly as a
/// loop or `if` condition without boxing.
protocol TestKernel {
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool
    /// The same test on two machine integers.
    static func ints(_ a: Int, _ b: Int) -> Bool
}

enum LessKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a < b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a < b }
        if case .float(let a) = l, case .float(let b) = r { return a < b }
        return try ctx.locatedBool { try Operators.compare(.less, l, r) }
    }
}

enum LessEqualKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a <= b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a <= b }
        if case .float(let a) = l, case .float(let b) = r { return a <= b }
        return try ctx.locatedBool { try Operators.compare(.lessEqual, l, r) }
    }
}

enum GreaterKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a > b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a > b }
        if case .float(let a) = l, case .float(let b) = r { return a > b }
        return try ctx.locatedBool { try Operators.compare(.greater, l, r) }
    }
}

enum GreaterEqualKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a >= b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a >= b }
        if case .float(let a) = l, case .float(let b) = r { return a >= b }
        return try ctx.locatedBool { try Operators.compare(.greaterEqual, l, r) }
    }
}

enum EqualKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a == b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a == b }
        return l.equals(r)
    }
}

enum NotEqualKernel: TestKernel {
    @inline(__always)
    static func ints(_ a: Int, _ b: Int) -> Bool { a != b }

    @inline(__always)
    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a != b }
        return !l.equals(r)
    }
}

enum ContainsKernel: TestKernel {
    static func ints(_ a: Int, _ b: Int) -> Bool { false }

    static func test(_ l: Value, _ r: Value, _ ctx: OpContext) throws -> Bool {
        try ctx.locatedBool { try Operators.contains(r, l, ctx.interpreter) }
    }
}

/// How an operand is read: from a plain local slot, as a constant, or by running code.
/// Specialising on the shape saves a closure call per operand in hot loops.
enum Operand {
    case local(Int)
    case constant(Value)
    case code(Code)
}

enum KernelBuilder {
    static func binary<K: BinaryKernel>(_: K.Type, _ l: Operand, _ r: Operand, _ ctx: OpContext) -> Code {
        switch (l, r) {
        case (.local(let a), .local(let b)):
            return { fp in try K.apply(fp[a], fp[b], ctx) }
        case (.local(let a), .constant(let c)):
            return { fp in try K.apply(fp[a], c, ctx) }
        case (.constant(let c), .local(let b)):
            return { fp in try K.apply(c, fp[b], ctx) }
        case (.code(let x), .constant(let c)):
            return { fp in try K.apply(try x(fp), c, ctx) }
        case (.code(let x), .local(let b)):
            return { fp in let v = try x(fp); return try K.apply(v, fp[b], ctx) }
        case (.local(let a), .code(let y)):
            return { fp in let w = try y(fp); return try K.apply(fp[a], w, ctx) }
        default:
            let x = code(l), y = code(r)
            return { fp in let v = try x(fp); let w = try y(fp); return try K.apply(v, w, ctx) }
        }
    }

    static func test<K: TestKernel>(_: K.Type, _ l: Operand, _ r: Operand, _ ctx: OpContext) -> (UnsafeMutablePointer<Value>) throws -> Bool {
        switch (l, r) {
        case (.local(let a), .local(let b)):
            return { fp in try K.test(fp[a], fp[b], ctx) }
        case (.local(let a), .constant(let c)):
            if case .int(let k) = c, K.self != ContainsKernel.self {
                return { fp in
                    if case .int(let v) = fp[a] { return K.ints(v, k) }
                    return try K.test(fp[a], c, ctx)
                }
            }
            return { fp in try K.test(fp[a], c, ctx) }
        case (.constant(let c), .local(let b)):
            return { fp in try K.test(c, fp[b], ctx) }
        case (.code(let x), .constant(let c)):
            return { fp in try K.test(try x(fp), c, ctx) }
        default:
            let x = code(l), y = code(r)
            return { fp in let v = try x(fp); let w = try y(fp); return try K.test(v, w, ctx) }
        }
    }

    static func code(_ o: Operand) -> Code {
        switch o {
        case .local(let s): return { fp in fp[s] }
        case .constant(let c): return { _ in c }
        case .code(let c): return c
        }
    }
}
