/// A binary min-heap of (cost, node) entries for Dijkstra's algorithm. Entries are not
/// decreased in place: a node may be pushed again with a lower cost and stale entries
/// are skipped by the caller. The storage is one buffer kept between searches, so a
/// search does no allocation once the heap has grown to its working size.
final class NodeHeap {
    struct Entry {
        var cost: Double
        var node: Int32
    }

    private var storage: UnsafeMutablePointer<Entry>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        storage = UnsafeMutablePointer<Entry>.allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { count == 0 }

    func removeAll() { count = 0 }

    private func grow() {
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }

    func push(_ cost: Double, _ node: Int32) {
        if count == capacity { grow() }
        var i = count
        count += 1
        while i > 0 {
            let p = (i - 1) >> 1
            if storage[p].cost <= cost { break }
            storage[i] = storage[p]
            i = p
        }
        storage[i] = Entry(cost: cost, node: node)
    }

    /// Removes and returns the entry of lowest cost (the heap must not be empty).
    func pop() -> (Double, Int32) {
        let top = storage[0]
        count -= 1
        let n = count
        if n > 0 {
            let last = storage[n]
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n, storage[c + 1].cost < storage[c].cost { c += 1 }
                if storage[c].cost >= last.cost { break }
                storage[i] = storage[c]
                i = c
            }
            storage[i] = last
        }
        return (top.cost, top.node)
    }
}
