import Display

/// A value of the language.
///
/// Kept to one machine word of payload plus a tag: numbers and booleans are inline,
/// everything else is a reference. Lists and tuples use Swift arrays (copy-on-write);
/// records, strings and ranges are boxed.
public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(StringBox)
    case list([Value])
    case tuple([Value])
    case record(RecordBox)
    case range(RangeBox)
    case closure(Closure)
    case builtin(Builtin)
    case object(NativeValue)
    /// A variable captured by a closure; never visible to programs.
    case cell(Cell)

    /// A string value.
    @inline(__always)
    public static func str(_ s: String) -> Value { .string(StringBox(s)) }

    /// The name `type(x)` returns.
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .list: return "list"
        case .tuple: return "tuple"
        case .record: return "record"
        case .range: return "range"
        case .closure, .builtin: return "function"
        case .object(let o): return o.typeName
        case .cell: return "cell"
        }
    }

    /// Truthiness is strict: only booleans are conditions. Returns nil for other values.
    @inline(__always)
    var asBool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value as a Double if it is a number.
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The value as a String if it is a string.
    public var asString: String? {
        if case .string(let s) = self { return s.value }
        return nil
    }
}

/// An immutable string payload.
public final class StringBox {
    public let value: String
    public init(_ value: String) { self.value = value }
}

/// A record: ordered keys (strings, numbers, tuples...) with values. Copy-on-write is
/// done by the evaluator: a box is changed in place only when uniquely referenced.
public final class RecordBox {
    public private(set) var keys: [Value]
    public private(set) var values: [Value]
    private var index: [HashKey: Int]

    public init() { keys = []; values = []; index = [:] }

    public init(copying other: RecordBox) {
        keys = other.keys
        values = other.values
        index = other.index
    }

    /// A record from string keys, in order.
    public convenience init(_ pairs: [(String, Value)]) {
        self.init()
        for (k, v) in pairs { set(.str(k), v) }
    }

    public var count: Int { keys.count }

    /// The position of a key, or nil.
    public func position(of key: Value) -> Int? {
        guard let h = HashKey(key) else { return nil }
        return index[h]
    }

    /// The value stored under a string key.
    public func get(_ name: String) -> Value? {
        guard let i = index[.string(name)] else { return nil }
        return values[i]
    }

    public func get(_ key: Value) -> Value? {
        guard let i = position(of: key) else { return nil }
        return values[i]
    }

    /// Adds or replaces an entry; false when the key cannot be a record key.
    @discardableResult
    public func set(_ key: Value, _ value: Value) -> Bool {
        guard let h = HashKey(key) else { return false }
        if let i = index[h] { values[i] = value; return true }
        index[h] = keys.count
        keys.append(key)
        values.append(value)
        return true
    }

    /// Replaces the value at a position.
    public func setValue(at i: Int, _ value: Value) { values[i] = value }

    /// Removes an entry; returns its value.
    public func remove(_ key: Value) -> Value? {
        guard let h = HashKey(key), let i = index[h] else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        index[h] = nil
        for j in i..<keys.count { if let k = HashKey(keys[j]) { index[k] = j } }
        return v
    }

    /// Every string key, for completion and suggestions.
    public var stringKeys: [String] { keys.compactMap { $0.asString } }
}

/// A hashable image of the values that may be record keys.
enum HashKey: Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case tuple([HashKey])

    init?(_ v: Value) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d == d.rounded(), let i = Int(exactly: d) { self = .int(i) } else { self = .float(d) }
        case .string(let s): self = .string(s.value)
        case .tuple(let items):
            var keys: [HashKey] = []
            for item in items {
                guard let k = HashKey(item) else { return nil }
                keys.append(k)
            }
            self = .tuple(keys)
        default: return nil
        }
    }
}

/// An integer range `lower..<upper` (or `...` inclusive) with a step.
public final class RangeBox {
    public let lower: Int
    public let upper: Int
    public let inclusive: Bool
    public let step: Int

    public init(lower: Int, upper: Int, inclusive: Bool, step: Int = 1) {
        self.lower = lower; self.upper = upper; self.inclusive = inclusive; self.step = step
    }

    /// How many integers the range holds (Int.max when there are more). Distances are
    /// taken as unsigned 64-bit numbers, so no bounds can overflow.
    public var count: Int {
        guard step != 0 else { return 0 }
        let ascending = step > 0
        if ascending ? (inclusive ? upper < lower : upper <= lower) : (inclusive ? upper > lower : upper >= lower) {
            return 0
        }
        let distance = ascending ? UInt64(bitPattern: Int64(upper) &- Int64(lower)) : UInt64(bitPattern: Int64(lower) &- Int64(upper))
        let last = inclusive ? distance : distance - 1
        let magnitude = step.magnitude
        let (k, overflow) = (last / UInt64(magnitude)).addingReportingOverflow(1)
        if overflow || k > UInt64(Int.max) { return Int.max }
        return Int(k)
    }

    /// Whether `value` is one of the range's integers.
    public func contains(_ value: Int) -> Bool {
        guard step != 0 else { return false }
        let ascending = step > 0
        if ascending ? value < lower : value > lower { return false }
        let offset = ascending ? UInt64(bitPattern: Int64(value) &- Int64(lower)) : UInt64(bitPattern: Int64(lower) &- Int64(value))
        guard offset % UInt64(step.magnitude) == 0 else { return false }
        let n = count
        return n > 0 && offset / UInt64(step.magnitude) < UInt64(n)
    }

    /// The i-th element (0-based, assumed in range).
    public func element(_ i: Int) -> Int { lower &+ i &* step }
}

/// A mutable box for a variable captured by a closure.
public final class Cell {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}

/// Base class of native values that later layers expose to the language: graphs,
/// Hamiltonians, samplers, sample sets, datasets, models. Subclasses override what
/// they support.
open class NativeValue {
    public init() {}

    /// The name `type(x)` returns, e.g. "Graph".
    open var typeName: String { "object" }

    /// A one-line summary, used inside lists and by `print`.
    open var summary: String { "<\(typeName)>" }

    /// A rich, possibly multi-line display for a REPL result; defaults to the summary.
    open var display: String { summary }

    /// Whether `print` writes the rich display rather than the summary (figures).
    open var printsAsDisplay: Bool { false }

    /// The figure this value shows, for hosts that collect figures (reports).
    open var displayedFigure: Figure? { nil }

    /// The value of `x.name`, or nil when there is no such member.
    open func member(_ name: String, interpreter: Interpreter) throws -> Value? { nil }

    /// Names offered after `x.` by tab completion.
    open var memberNames: [String] { [] }

    /// Whether two native values are equal (identity by default).
    open func isEqual(to other: NativeValue) -> Bool { self === other }

    /// `self op other` (or `other op self` when `selfOnLeft` is false) for an operator
    /// such as "+", "*", "@", "^"; nil when this type does not support it.
    open func binaryOperation(_ op: String, _ other: Value, selfOnLeft: Bool, interpreter: Interpreter) throws -> Value? { nil }

    /// `-self`; nil when unsupported.
    open func negated(interpreter: Interpreter) throws -> Value? { nil }

    /// `self[index]`; nil when unsupported.
    open func subscripted(_ index: Value, interpreter: Interpreter) throws -> Value? { nil }

    /// How many elements `len(x)` reports; nil when it has no length.
    open var length: Int? { nil }

    /// The elements a `for` loop visits; nil when not iterable.
    open func elements(interpreter: Interpreter) throws -> [Value]? { nil }
}
