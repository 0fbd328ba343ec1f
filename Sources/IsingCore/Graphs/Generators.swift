/// Standard graph families, with nodes labelled 0..<n.
public enum GraphGenerators {
    static func checkCount(_ n: Int, _ what: String, limit: Int = 1_000_000) throws {
        guard n >= 0 else { throw IsingError("\(what) must not be negative, got \(n)") }
        guard n <= limit else { throw IsingError("\(what) = \(n) is too large (at most \(limit))") }
    }

    static func empty(_ n: Int, name: String) -> Graph {
        var g = Graph()
        g.name = name
        for i in 0..<n { g.addNode(.int(i)) }
        return g
    }

    /// Every pair of n nodes joined.
    public static func complete(_ n: Int) throws -> Graph {
        try checkCount(n, "n", limit: 5_000)
        var g = empty(n, name: "complete(\(n))")
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { g.addEdge(index: i, index: j) } }
        return g
    }

    /// The complete bipartite graph: nodes 0..<m on one side, m..<m+n on the other.
    public static func bipartite(_ m: Int, _ n: Int) throws -> Graph {
        try checkCount(m, "m", limit: 20_000)
        try checkCount(n, "n", limit: 20_000)
        guard m * n <= 25_000_000 else { throw IsingError("bipartite(\(m), \(n)) would have \(m * n) edges (at most 25000000)") }
        var g = empty(m + n, name: "bipartite(\(m), \(n))")
        for i in 0..<m { for j in 0..<n { g.addEdge(index: i, index: m + j) } }
        return g
    }

    /// A rows × cols lattice, node r * cols + c, joined to its right and lower
    /// neighbours; `periodic` wraps both directions (a torus).
    public static func grid(_ rows: Int, _ cols: Int, periodic: Bool) throws -> Graph {
        try checkCount(rows, "rows", limit: 10_000)
        try checkCount(cols, "cols", limit: 10_000)
        var g = empty(rows * cols, name: "grid(\(rows), \(cols)\(periodic ? ", periodic: true" : ""))")
        for r in 0..<rows {
            for c in 0..<cols {
                let i = r * cols + c
                if c + 1 < cols { g.addEdge(index: i, index: i + 1) } else if periodic && cols > 2 { g.addEdge(index: i, index: r * cols) }
                if r + 1 < rows { g.addEdge(index: i, index: i + cols) } else if periodic && rows > 2 { g.addEdge(index: i, index: c) }
            }
        }
        g.coordinates = (0..<(rows * cols)).map { [$0 / max(cols, 1), $0 % max(cols, 1)] }
        return g
    }

    /// A ring of n nodes.
    public static func cycle(_ n: Int) throws -> Graph {
        try checkCount(n, "n")
        guard n >= 3 else { throw IsingError("a cycle needs at least 3 nodes, got \(n)") }
        var g = empty(n, name: "cycle(\(n))")
        for i in 0..<n { g.addEdge(index: i, index: (i + 1) % n) }
        return g
    }

    /// A uniformly random d-regular graph on n nodes (pairing model, restarted until simple).
    public static func randomRegular(_ n: Int, _ d: Int, seed: Int) throws -> Graph {
        try checkCount(n, "n", limit: 100_000)
        guard d >= 0, d < n || (n == 0 && d == 0) else { throw IsingError("degree d = \(d) must be between 0 and n − 1 = \(n - 1)") }
        guard (n * d) % 2 == 0 else { throw IsingError("n × d must be even for a d-regular graph (n = \(n), d = \(d))") }
        var rng = Xoshiro256(seed: seed)
        for _ in 0..<10_000 {
            var points = [Int]()
            points.reserveCapacity(n * d)
            for i in 0..<n { for _ in 0..<d { points.append(i) } }
            for i in stride(from: points.count - 1, to: 0, by: -1) { points.swapAt(i, rng.nextInt(below: i + 1)) }
            var g = empty(n, name: "random_regular(\(n), \(d), seed: \(seed))")
            var ok = true
            var k = 0
            while k + 1 < points.count {
                let u = points[k], v = points[k + 1]
                if u == v || g.hasEdge(u, v) { ok = false; break }
                g.addEdge(index: u, index: v)
                k += 2
            }
            if ok { return g }
            if Cancellation.isRequested { throw CancelledError() }
        }
        throw IsingError("could not build a simple \(d)-regular graph on \(n) nodes")
    }

    /// The Erdős–Rényi graph G(n, p): each pair joined independently with probability p.
    public static func erdosRenyi(_ n: Int, _ p: Double, seed: Int) throws -> Graph {
        try checkCount(n, "n", limit: 5_000)
        guard p >= 0, p <= 1 else { throw IsingError("p must be between 0 and 1, got \(p)") }
        var rng = Xoshiro256(seed: seed)
        var g = empty(n, name: "erdos_renyi(\(n), \(p), seed: \(seed))")
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) where rng.nextDouble() < p { g.addEdge(index: i, index: j) } }
        return g
    }
}
