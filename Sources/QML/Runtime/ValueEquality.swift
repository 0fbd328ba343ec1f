extension Value {
    /// Structural equality: numbers compare by value across int and float, collections
    /// element by element, records by their entries regardless of order.
    public func equals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.int(let a), .float(let b)): return Double(a) == b && b.rounded() == b && Int(exactly: b) == a
        case (.float(let a), .int(let b)): return Double(b) == a && a.rounded() == a && Int(exactly: a) == b
        case (.string(let a), .string(let b)): return a === b || a.value == b.value
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            guard a.count == b.count else { return false }
            for i in 0..<a.count where !a[i].equals(b[i]) { return false }
            return true
        case (.record(let a), .record(let b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            for i in 0..<a.count {
                guard let v = b.get(a.keys[i]), v.equals(a.values[i]) else { return false }
            }
            return true
        case (.range(let a), .range(let b)):
            return a.lower == b.lower && a.upper == b.upper && a.inclusive == b.inclusive && a.step == b.step
        case (.closure(let a), .closure(let b)): return a === b
        case (.builtin(let a), .builtin(let b)): return a === b
        case (.object(let a), .object(let b)): return a.isEqual(to: b)
        default: return false
        }
    }

    /// Ordering for `<` and `sort`: numbers, strings, and lists/tuples lexicographically.
    /// Returns nil when the two values cannot be ordered.
    public func compare(_ other: Value) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.int, .float), (.float, .int), (.float, .float):
            guard let a = asDouble, let b = other.asDouble, !a.isNaN, !b.isNaN else { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)): return a.value < b.value ? -1 : (a.value > b.value ? 1 : 0)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for i in 0..<min(a.count, b.count) {
                guard let c = a[i].compare(b[i]) else { return nil }
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        default: return nil
        }
    }
}
