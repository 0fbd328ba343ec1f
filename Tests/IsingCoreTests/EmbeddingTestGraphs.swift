@testable import IsingCore

/// Chimera graphs for the embedding tests, numbered as D-Wave numbers them: qubit
/// ((i·n + j)·2 + u)·t + k in cell (i, j), side u (0 vertical, 1 horizontal), position k.
enum EmbeddingTestGraphs {
    static func chimera(_ m: Int, _ n: Int? = nil, t: Int = 4) -> Graph {
        let n = n ?? m
        var g = Graph()
        g.name = "chimera(\(m))"
        func q(_ i: Int, _ j: Int, _ u: Int, _ k: Int) -> Int { ((i * n + j) * 2 + u) * t + k }
        var coordinates: [[Int]] = []
        for i in 0..<m { for j in 0..<n { for u in 0..<2 { for k in 0..<t {
            g.addNode(.int(q(i, j, u, k)))
            coordinates.append([i, j, u, k])
        } } } }
        for i in 0..<m { for j in 0..<n {
            for k in 0..<t { for l in 0..<t { g.addEdge(index: q(i, j, 0, k), index: q(i, j, 1, l)) } }
            for k in 0..<t {
                if i + 1 < m { g.addEdge(index: q(i, j, 0, k), index: q(i + 1, j, 0, k)) }
                if j + 1 < n { g.addEdge(index: q(i, j, 1, k), index: q(i, j + 1, 1, k)) }
            }
        } }
        g.coordinates = coordinates
        return g
    }

    /// A Chimera graph with `count` qubits removed at random.
    static func damagedChimera(_ m: Int, dead count: Int, seed: Int) -> Graph {
        let g = chimera(m)
        var rng = Xoshiro256(seed: seed)
        var all = g.nodes
        var i = all.count - 1
        while i > 0 { all.swapAt(i, rng.nextInt(below: i + 1)); i -= 1 }
        return g.without(Set(all.prefix(count)))
    }
}
