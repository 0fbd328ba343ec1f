/// The arguments of one native call, matched to the builtin's parameters, with typed
/// accessors that produce clear errors ("sqrt: `x` must be a number, got string").
public struct Arguments {
    /// One entry per declared parameter; nil when an optional one was not given.
    /// A variadic parameter holds a list.
    public var values: [Value?]
    public let builtin: Builtin
    public unowned let interpreter: Interpreter

    init(values: [Value?], builtin: Builtin, interpreter: Interpreter) {
        self.values = values
        self.builtin = builtin
        self.interpreter = interpreter
    }

    /// An error attributed to this builtin; the call site adds the location.
    public func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.runtime("\(builtin.name): \(message)", at: nil, hint: hint)
    }

    func name(_ i: Int) -> String { i < builtin.parameters.count ? builtin.parameters[i].name : "#\(i)" }

    /// Whether parameter `i` was given (and not nil).
    public func has(_ i: Int) -> Bool {
        guard i < values.count, let v = values[i] else { return false }
        if case .null = v { return false }
        return true
    }

    /// The raw value of parameter `i` (nil value when missing).
    public func value(_ i: Int) -> Value { i < values.count ? (values[i] ?? .null) : .null }

    public func double(_ i: Int) throws -> Double {
        switch value(i) {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case let other: throw error("`\(name(i))` must be a number, got \(other.typeName)")
        }
    }

    public func double(_ i: Int, default d: Double) throws -> Double { has(i) ? try double(i) : d }

    public func int(_ i: Int) throws -> Int {
        switch value(i) {
        case .int(let v): return v
        case .float(let v):
            if v.rounded() == v, let n = Int(exactly: v) { return n }
            throw error("`\(name(i))` must be an integer, got \(ValueFormatter.float(v))")
        case let other: throw error("`\(name(i))` must be an integer, got \(other.typeName)")
        }
    }

    public func int(_ i: Int, default d: Int) throws -> Int { has(i) ? try int(i) : d }

    public func bool(_ i: Int) throws -> Bool {
        guard case .bool(let b) = value(i) else { throw error("`\(name(i))` must be true or false, got \(value(i).typeName)") }
        return b
    }

    public func bool(_ i: Int, default d: Bool) throws -> Bool { has(i) ? try bool(i) : d }

    public func string(_ i: Int) throws -> String {
        guard case .string(let s) = value(i) else { throw error("`\(name(i))` must be a string, got \(value(i).typeName)") }
        return s.value
    }

    public func string(_ i: Int, default d: String) throws -> String { has(i) ? try string(i) : d }

    /// A list, tuple or range as an array of values.
    public func sequence(_ i: Int) throws -> [Value] {
        let v = value(i)
        if case .object(let o) = v, let items = try o.elements(interpreter: interpreter) { return items }
        guard let items = try v.iterated() else {
            throw error("`\(name(i))` must be a list, tuple, range, string or record, got \(v.typeName)")
        }
        return items
    }

    public func list(_ i: Int) throws -> [Value] {
        switch value(i) {
        case .list(let items), .tuple(let items): return items
        case .range: return try sequence(i)
        case let other: throw error("`\(name(i))` must be a list, got \(other.typeName)")
        }
    }

    public func record(_ i: Int) throws -> RecordBox {
        guard case .record(let r) = value(i) else { throw error("`\(name(i))` must be a record, got \(value(i).typeName)") }
        return r
    }

    /// A function value (language closure or builtin).
    public func function(_ i: Int) throws -> Value {
        switch value(i) {
        case .closure, .builtin: return value(i)
        case let other: throw error("`\(name(i))` must be a function, got \(other.typeName)")
        }
    }

    /// A list of numbers as doubles.
    public func doubles(_ i: Int) throws -> [Double] {
        var out: [Double] = []
        for item in try sequence(i) {
            guard let d = item.asDouble else { throw error("`\(name(i))` must hold numbers, found \(item.typeName)") }
            out.append(d)
        }
        return out
    }
}

extension Value {
    /// The elements a `for` loop visits, or nil when the value is not iterable. Records
    /// give `(key, value)` tuples; strings give one-character strings.
    public func iterated() throws -> [Value]? {
        switch self {
        case .list(let items), .tuple(let items): return items
        case .range(let r):
            let n = r.count
            guard n <= 100_000_000 else {
                throw Diagnostic.runtime("range \(ValueFormatter.describe(self)) is too large to materialise (\(n) elements)", at: nil)
            }
            var out: [Value] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(.int(r.element(i))) }
            return out
        case .record(let r):
            return (0..<r.count).map { .tuple([r.keys[$0], r.values[$0]]) }
        case .string(let s): return s.value.map { .str(String($0)) }
        default: return nil
        }
    }
}
