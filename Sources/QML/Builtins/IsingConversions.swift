import IsingCore

/// Conversions between language values and the Ising layer's types, with errors that
/// name the builtin and what was expected.
extension Arguments {
    /// A variable label from an int or a string.
    func label(_ v: Value, what: String = "variable") throws -> Label {
        switch v {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s.value)
        case .float(let d) where d.rounded() == d && Int(exactly: d) != nil: return .int(Int(exactly: d) ?? 0)
        default: throw error("a \(what) name must be an integer or a string, got \(v.typeName)")
        }
    }

    /// A set of labels from a list, tuple, range or a single label.
    func labels(_ i: Int) throws -> [Label] {
        switch value(i) {
        case .int, .string: return [try label(value(i))]
        default: return try sequence(i).map { try label($0) }
        }
    }

    /// A pair of labels from a 2-tuple or 2-list.
    func labelPair(_ v: Value) throws -> (Label, Label) {
        switch v {
        case .tuple(let xs) where xs.count == 2, .list(let xs) where xs.count == 2:
            return (try label(xs[0]), try label(xs[1]))
        default:
            throw error("expected a pair of variables such as (0, 1), got \(ValueFormatter.describe(v, limit: 4))")
        }
    }
}

extension Label {
    /// The label as a language value.
    var value: Value {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .str(s)
        }
    }
}

/// Reads a state for a model: a list of values in variable order, or a record from
/// variable to value; checks every value against the vartype.
func readState(_ v: Value, variables: [Label], vartype: Vartype, index: (Label) -> Int?, what: String = "state") throws -> [Int8] {
    let (lo, hi) = vartype.values
    func bit(_ x: Value, _ at: String) throws -> Int8 {
        let k: Int
        switch x {
        case .int(let i): k = i
        case .float(let d) where d.rounded() == d && abs(d) <= 1: k = Int(d)
        case .bool(let b): k = b ? Int(hi) : Int(lo)
        default: throw Diagnostic.runtime("\(what): the value \(at) must be \(lo) or \(hi), got \(x.typeName)", at: nil)
        }
        guard k == Int(lo) || k == Int(hi) else {
            throw Diagnostic.runtime("\(what): the value \(at) must be \(lo) or \(hi) (\(vartype == .spin ? "spins" : "binaries")), got \(k)", at: nil,
                                     hint: vartype == .spin ? "for 0/1 values use the model's to_qubo() form" : "for ±1 values use the model's to_ising() form")
        }
        return Int8(k)
    }
    switch v {
    case .list(let xs), .tuple(let xs):
        guard xs.count == variables.count else {
            throw Diagnostic.runtime("\(what) has \(xs.count) values but the model has \(variables.count) variables", at: nil)
        }
        return try xs.enumerated().map { try bit($0.element, "at position \($0.offset)") }
    case .record(let r):
        var out = [Int8](repeating: lo, count: variables.count)
        var seen = 0
        for k in 0..<r.count {
            let key = r.keys[k]
            let label: Label
            switch key {
            case .int(let i): label = .int(i)
            case .string(let s): label = .string(s.value)
            default: throw Diagnostic.runtime("\(what): \(ValueFormatter.describe(key)) is not a variable name", at: nil)
            }
            guard let i = index(label) else {
                throw Diagnostic.runtime("\(what): the model has no variable \(label)", at: nil)
            }
            out[i] = try bit(r.values[k], "for \(label)")
            seen += 1
        }
        guard seen == variables.count else {
            throw Diagnostic.runtime("\(what) gives \(seen) of the model's \(variables.count) variables", at: nil)
        }
        return out
    default:
        throw Diagnostic.runtime("\(what) must be a list of values or a record {variable: value}, got \(v.typeName)", at: nil)
    }
}

/// A list of values (ints) from a state.
func stateValue(_ s: some Collection<Int8>) -> Value { .list(s.map { .int(Int($0)) }) }
