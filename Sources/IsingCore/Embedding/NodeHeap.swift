/// A monotone priority queue of target nodes for Dijkstra's algorithm on node weights (a
/// radix heap). Costs are whole numbers (held as doubles), never below the cost last
/// popped, which holds for Dijkstra with whole weights; each node is pushed at most once
/// between `removeAll` calls, which holds when a node is queued on its first discovery
/// (with node weights, the first discovery is already the shortest). Bucket b holds the
/// nodes whose cost first differs from the last popped cost in bit b − 1 (bucket 0: equal
/// costs), so nearby costs sit in low buckets; buckets are linked lists threaded through
/// one array, so the queue does no allocation after `init`. Its state lives in raw memory
/// (no stored `var`s), so the hot loop pays no run-time exclusivity checks.
final class NodeHeap: @unchecked Sendable {
    private static let bucketCount = 65
    private let capacity: Int
    private let key: UnsafeMutablePointer<UInt64>
    private let next: UnsafeMutablePointer<Int32>
    private let head: UnsafeMutablePointer<Int32>
    /// The cost last popped (slot 0) and the number of queued nodes (slot 1).
    private let state: UnsafeMutablePointer<UInt64>

    /// A queue for nodes 0..<capacity.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        key = .allocate(capacity: self.capacity)
        next = .allocate(capacity: self.capacity)
        head = .allocate(capacity: NodeHeap.bucketCount)
        key.initialize(repeating: 0, count: self.capacity)
        next.initialize(repeating: -1, count: self.capacity)
        head.initialize(repeating: -1, count: NodeHeap.bucketCount)
        state = .allocate(capacity: 2)
        state.initialize(repeating: 0, count: 2)
    }

    deinit {
        key.deallocate()
        next.deallocate()
        head.deallocate()
        state.deallocate()
    }

    /// How many nodes are queued.
    var count: Int { Int(state[1]) }

    var isEmpty: Bool { state[1] == 0 }

    func removeAll() {
        if state[1] > 0 { for b in 0..<NodeHeap.bucketCount { head[b] = -1 } }
        state[0] = 0
        state[1] = 0
    }

    @inline(__always)
    private func bucket(_ k: UInt64) -> Int {
        let x = k ^ state[0]
        return x == 0 ? 0 : 64 - x.leadingZeroBitCount
    }

    /// Queues `node` (in 0..<capacity, not queued already) at `cost` (a whole number, at
    /// least the cost last popped; fractions are dropped, costs from 2^64 up count as 2^64 − 1).
    @inline(__always)
    func push(_ cost: Double, _ node: Int32) {
        let k = cost < 18_446_744_073_709_549_568 ? UInt64(max(0, cost)) : UInt64.max
        let b = bucket(k)
        key[Int(node)] = k
        next[Int(node)] = head[b]
        head[b] = node
        state[1] += 1
    }

    /// Removes and returns a node of lowest cost (the queue must not be empty).
    func pop() -> (Double, Int32) {
        if head[0] < 0 {
            var b = 1
            while b < NodeHeap.bucketCount - 1 && head[b] < 0 { b += 1 }
            // The new last cost is the least in bucket b; its nodes move to lower buckets.
            var x = head[b]
            var least = UInt64.max
            while x >= 0 { least = min(least, key[Int(x)]); x = next[Int(x)] }
            state[0] = least
            x = head[b]
            head[b] = -1
            while x >= 0 {
                let following = next[Int(x)]
                let nb = bucket(key[Int(x)])
                next[Int(x)] = head[nb]
                head[nb] = x
                x = following
            }
        }
        let top = head[0]
        head[0] = next[Int(top)]
        state[1] -= 1
        return (Double(key[Int(top)]), top)
    }
}
