// qrepl's side of the embedding benchmark, printing one line of key=value results.
//
//   bench find <edges.txt> <n> <seed> <threads>      EmbeddingSearch of K_n (default settings)
//   bench clique <edges.txt> <n> <seed> <m>          the native Chimera clique layout, repaired
//
// Target files list "# nodes ..." then "u v" per coupler (see targets.py).
// Compiled by run.sh against the release build of IsingCore.
import Foundation
import IsingCore

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func fail(_ message: String) -> Never {
    print("error: \(message)")
    exit(1)
}

func readTarget(_ path: String, m: Int) -> Graph {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    var g = Graph()
    var edges: [(Int, Int)] = []
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ")
        if line.hasPrefix("# nodes") {
            for x in f.dropFirst(2) { if let q = Int(x) { g.addNode(.int(q)) } }
        } else if f.count == 2, let u = Int(f[0]), let v = Int(f[1]) {
            edges.append((u, v))
        }
    }
    for (u, v) in edges { try? g.addEdge(.int(u), .int(v)) }
    // Chimera coordinates (i, j, u, k) of label ((i m + j) 2 + u) 4 + k.
    g.coordinates = g.nodes.map { label in
        guard case .int(let q) = label else { return [] }
        return [q / (8 * m), (q / 8) % m, (q / 4) % 2, q % 4]
    }
    g.topology = HardwareTopology(family: .chimera, m: m, n: m, t: 4)
    return g
}

let args = CommandLine.arguments
guard args.count == 6, let n = Int(args[3]), let seed = Int(args[4]), let extra = Int(args[5]) else {
    fail("usage: bench find|clique <edges.txt> <n> <seed> <threads|m>")
}
let mode = args[1]
let m = mode == "clique" ? extra : (args[2].contains("c16") ? 16 : 12)
let target = readTarget(args[2], m: m)
var search = EmbeddingSearch()
search.seed = UInt64(seed)
search.threads = mode == "find" ? extra : ProcessInfo.processInfo.activeProcessorCount
let start = now()
do {
    let source = try GraphGenerators.complete(n)
    let e: Embedding
    if mode == "find" {
        e = try search.run(source: source, target: target)
    } else {
        search.tries = 4
        e = try ChimeraCliqueLayout(m: m, n: m, t: 4).embed(clique: n, into: target, search: search)
    }
    let seconds = now() - start
    print("tool=qrepl-\(mode) n=\(n) seed=\(seed) qubits=\(e.qubitCount) max_chain=\(e.maxChainLength) seconds=\(String(format: "%.3f", seconds)) valid=\(e.isValid ? 1 : 0)")
} catch {
    print("tool=qrepl-\(mode) n=\(n) seed=\(seed) qubits=0 max_chain=0 seconds=\(String(format: "%.3f", now() - start)) valid=0 error=\"\(error)\"")
}
