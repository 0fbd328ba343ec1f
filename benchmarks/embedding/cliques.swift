// qrepl's side of the clique benchmark (cliques.sh), printing one line of key=value results.
//
//   cliques <edges.txt> <lattice> <n>     the native clique layout of K_n (LineCliqueLayout)
//
// <lattice> is p16 or z12: the target file holds that lattice, perhaps without some qubits.
// Compiled by cliques.sh against the release build of IsingCore.
import Foundation
import IsingCore

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func fail(_ message: String) -> Never {
    print("error: \(message)")
    exit(1)
}

func readTarget(_ path: String, topology: HardwareTopology) -> Graph {
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
    g.topology = topology
    g.cacheAdjacency()
    return g
}

let args = CommandLine.arguments
guard args.count == 4, let n = Int(args[3]), let size = Int(args[2].dropFirst()) else {
    fail("usage: cliques <edges.txt> p16|z12 <n>")
}
let family: HardwareTopology.Family = args[2].hasPrefix("p") ? .pegasus : .zephyr
let topology = HardwareTopology(family: family, m: size, n: size, t: family == .pegasus ? 12 : 4)
let target = readTarget(args[1], topology: topology)
var search = EmbeddingSearch()
search.seed = 1
search.tries = 4
search.threads = ProcessInfo.processInfo.activeProcessorCount
let start = now()
do {
    let e = try LineCliqueLayout(topology).embed(clique: n, into: target, search: search)
    let seconds = now() - start
    print("tool=qrepl-clique n=\(n) seed=0 qubits=\(e.qubitCount) max_chain=\(e.maxChainLength) seconds=\(String(format: "%.3f", seconds)) valid=\(e.isValid ? 1 : 0)")
} catch {
    print("tool=qrepl-clique n=\(n) seed=0 qubits=0 max_chain=0 seconds=\(String(format: "%.3f", now() - start)) valid=0 error=\"\(error)\"")
}
