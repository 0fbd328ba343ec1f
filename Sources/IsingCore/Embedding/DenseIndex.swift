/// A reusable map from node indices (0..<count) to small whole numbers, for lookups in hot
/// loops without hashing: `set` fills it from a list (a later duplicate wins, as with a
/// dictionary), `reset` empties those entries again, so each use costs only its own size.
/// Its entries live in raw memory, so lookups pay no run-time exclusivity checks; one
/// index serves one thread.
final class DenseIndex: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Int32>
    let count: Int

    /// An empty index for keys 0..<count.
    init(count: Int) {
        self.count = max(1, count)
        slots = .allocate(capacity: self.count)
        slots.initialize(repeating: -1, count: self.count)
    }

    deinit { slots.deallocate() }

    /// The position `key` was given by the last `set`, or nil.
    @inline(__always)
    subscript(_ key: Int32) -> Int? {
        let s = slots[Int(key)]
        return s < 0 ? nil : Int(s)
    }

    /// Gives each key its position in `keys`.
    func set<S: Sequence<Int32>>(_ keys: S) {
        for (i, k) in keys.enumerated() { slots[Int(k)] = Int32(truncatingIfNeeded: i) }
    }

    /// Forgets the given keys.
    func reset<S: Sequence<Int32>>(_ keys: S) {
        for k in keys { slots[Int(k)] = -1 }
    }
}
