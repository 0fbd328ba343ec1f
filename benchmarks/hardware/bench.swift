// Times qrepl's hardware-graph generators: the best of `repeats` runs of each lattice,
// printed as "name nodes edges seconds".
import Foundation
import IsingCore

func seconds(_ body: () throws -> Graph) rethrows -> (Graph, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let g = try body()
    return (g, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

let repeats = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20 : 20
let cases: [(String, () throws -> Graph)] = [
    ("chimera16", { try HardwareGraphs.chimera(16) }),
    ("pegasus16", { try HardwareGraphs.pegasus(16) }),
    ("zephyr12", { try HardwareGraphs.zephyr(12) }),
]
for (name, make) in cases {
    var best = Double.infinity
    var last = Graph()
    for _ in 0..<repeats {
        let (g, t) = try seconds(make)
        best = min(best, t)
        last = g
    }
    print(name, last.nodeCount, last.edgeCount, String(format: "%.6f", best))
}
