/// A binary min-heap of (cost, node) pairs for Dijkstra's algorithm. Entries are not
/// decreased in place: a node may be pushed again with a lower cost and stale entries
/// are skipped by the caller. The storage is kept between searches, so a search does no
/// allocation once the heap has grown to its working size.
struct NodeHeap {
    private var costs: [Double] = []
    private var nodes: [Int32] = []

    init(capacity: Int) {
        costs.reserveCapacity(capacity)
        nodes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { costs.isEmpty }

    mutating func removeAll() {
        costs.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ cost: Double, _ node: Int32) {
        costs.append(cost)
        nodes.append(node)
        var i = costs.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if costs[p] <= cost { break }
            costs[i] = costs[p]; nodes[i] = nodes[p]
            i = p
        }
        costs[i] = cost; nodes[i] = node
    }

    /// Removes and returns the entry of lowest cost (the heap must not be empty).
    mutating func pop() -> (Double, Int32) {
        let top = (costs[0], nodes[0])
        let lastCost = costs.removeLast(), lastNode = nodes.removeLast()
        let n = costs.count
        if n > 0 {
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n, costs[c + 1] < costs[c] { c += 1 }
                if costs[c] >= lastCost { break }
                costs[i] = costs[c]; nodes[i] = nodes[c]
                i = c
            }
            costs[i] = lastCost; nodes[i] = lastNode
        }
        return top
    }
}
