import Foundation

extension ChainRouter {
    /// Below this many target nodes searched in all (neighbours × target nodes), a
    /// re-route's searches run on one thread: handing them out would cost more than it saves.
    static let parallelSearchWork = 20_000

    /// Runs one shortest-path search from the chain of each source node in `placed`, into
    /// block k of `distance` and `parent` for the k-th: node-weighted Dijkstra, or
    /// breadth-first search with `unitWeights` (exclusive routing). The searches are
    /// independent, so they are spread over `workers` threads, each with its own queue;
    /// every block is the same whatever the thread count.
    mutating func searchFromChains(_ placed: [Int], unitWeights: Bool) {
        let n = targetCount
        let sources = placed.map { chains[$0] }
        let (work, overflow) = placed.count.multipliedReportingOverflow(by: n)
        let threads = !overflow && work >= ChainRouter.parallelSearchWork ? min(workers, placed.count) : 1
        let heaps = self.heaps
        targetStart.withUnsafeBufferPointer { start in
        targetNeighbors.withUnsafeBufferPointer { nbr in
        weight.withUnsafeBufferPointer { w in
        distance.withUnsafeMutableBufferPointer { dist in
        parent.withUnsafeMutableBufferPointer { par in
        queue.withUnsafeMutableBufferPointer { fifo in
            let buffers = SearchBuffers(start: start, neighbors: nbr, weight: w, distance: dist, parent: par, queue: fifo)
            if threads <= 1 {
                for k in sources.indices where !Cancellation.isRequested {
                    buffers.search(from: sources[k], block: k, nodes: n, worker: 0, heap: heaps[0], unitWeights: unitWeights)
                }
                return
            }
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                var k = t
                while k < sources.count && !Cancellation.isRequested {
                    buffers.search(from: sources[k], block: k, nodes: n, worker: t, heap: heaps[t], unitWeights: unitWeights)
                    k += threads
                }
            }
        } } } } } }
    }
}

/// The arrays one shortest-path search reads and writes, as raw buffers so that searches
/// into different blocks can run on several threads at once (each search writes only its
/// own block of `distance` and `parent` and its worker's slice of `queue`).
struct SearchBuffers: @unchecked Sendable {
    let start: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weight: UnsafeBufferPointer<Double>
    let distance: UnsafeMutableBufferPointer<Double>
    let parent: UnsafeMutableBufferPointer<Int32>
    let queue: UnsafeMutableBufferPointer<Int32>

    /// Multi-source search from a chain into block `block`: distance[q] is the least total
    /// weight of the nodes on a path from the chain to q (q included, the chain excluded);
    /// parent -1 marks the chain itself, -2 an unreached node. Nodes of infinite weight are
    /// never entered. With unit weights it is a breadth-first search.
    func search(from sources: [Int32], block: Int, nodes n: Int, worker: Int, heap: NodeHeap, unitWeights: Bool) {
        let offset = block * n
        for i in 0..<n { distance[offset + i] = .infinity; parent[offset + i] = -2 }
        if unitWeights {
            let base = worker * n
            var tail = 0
            for s in sources {
                distance[offset + Int(s)] = 0
                parent[offset + Int(s)] = -1
                queue[base + tail] = s; tail += 1
            }
            var head = 0
            while head < tail {
                let x32 = queue[base + head]; head += 1
                let x = Int(x32)
                let nd = distance[offset + x] + 1
                for e in start[x]..<start[x + 1] {
                    let y = Int(neighbors[e])
                    if distance[offset + y] == .infinity && weight[y].isFinite {
                        distance[offset + y] = nd
                        parent[offset + y] = x32
                        queue[base + tail] = Int32(y); tail += 1
                    }
                }
            }
            return
        }
        heap.removeAll()
        for s in sources {
            distance[offset + Int(s)] = 0
            parent[offset + Int(s)] = -1
            heap.push(0, s)
        }
        while !heap.isEmpty {
            let (d, x32) = heap.pop()
            let x = Int(x32)
            // With node weights the first discovery of a node is its shortest path: every
            // path into y ends with y's weight, and nodes leave the queue in order of
            // distance. So each node is queued once.
            for e in start[x]..<start[x + 1] {
                let y = Int(neighbors[e])
                if parent[offset + y] == -2 && weight[y].isFinite {
                    let nd = d + weight[y]
                    distance[offset + y] = nd
                    parent[offset + y] = x32
                    heap.push(nd, Int32(y))
                }
            }
        }
    }
}
