import Display
import IsingCore

extension BuiltinRegistry {
    /// Hardware graphs: chimera, pegasus, zephyr, hardware_graph, dead_qubits, draw.
    static func registerHardwareGraphs(into r: inout BuiltinRegistry) {
        func make(_ args: Arguments, hint: String, _ f: () throws -> Graph) throws -> Value {
            do { return .object(GraphValue(try f())) } catch let e as IsingError { throw args.error(e.message, hint: hint) }
        }
        r.add("chimera", [.required("m"), .optional("n", "m"), .optional("t", "4")], topic: "graphs", doc: """
            The Chimera lattice: an m x n grid of K_{t,t} unit cells, qubits numbered as in D-Wave's tools.
            Qubit (i, j, u, k) — cell row i, column j, u = 0 vertical / 1 horizontal, k along the
            shore — is label ((i n + j) 2 + u) t + k; `g.coordinates(q)` gives the tuple back.
            chimera(12) has 1152 qubits (the D-Wave 2X), chimera(16) 2048 (the D-Wave 2000Q).
            chimera(16)
            chimera(4, 8, t: 2)
            """) { args in
            let m = try args.int(0), n = try args.int(1, default: m), t = try args.int(2, default: 4)
            return try make(args, hint: "m and n count unit cells (1 to 256), t qubits per shore (1 to 64)") {
                try HardwareGraphs.chimera(m, n, t: t)
            }
        }
        r.add("pegasus", [.required("m")], topic: "graphs", doc: """
            The Pegasus lattice P(m) (standard offsets, fabric only), qubits numbered as in D-Wave's tools.
            Qubit (u, w, k, z) is label ((u m + w) 12 + k)(m - 1) + z; pegasus(16) has 5640 qubits
            and 40484 couplers (the D-Wave Advantage), each qubit up to 15 couplers.
            pegasus(6)
            """) { args in
            let m = try args.int(0)
            return try make(args, hint: "pegasus(m) needs 2 <= m <= 128; the Advantage processor is pegasus(16)") {
                try HardwareGraphs.pegasus(m)
            }
        }
        r.add("zephyr", [.required("m"), .optional("t", "4")], topic: "graphs", doc: """
            The Zephyr lattice Z(m, t), qubits numbered as in D-Wave's tools.
            Qubit (u, w, k, j, z) is label (((u (2m + 1) + w) t + k) 2 + j) m + z; zephyr(m, t) has
            4tm(2m + 1) qubits of degree up to 4t + 4 (zephyr(12) has 4800, the D-Wave Advantage2).
            zephyr(4)
            zephyr(2, t: 2)
            """) { args in
            let m = try args.int(0), t = try args.int(1, default: 4)
            return try make(args, hint: "m from 1 to 128, t from 1 to 64") { try HardwareGraphs.zephyr(m, t: t) }
        }
        r.add("hardware_graph", [.required("name")], topic: "graphs", doc: """
            The graph of a named processor: "C12" (D-Wave 2X), "C16" (2000Q), "P16" (Advantage), "Z12" (Advantage2).
            hardware_graph("C16")
            """) { args in
            let name = try args.string(0)
            let names = HardwareGraphs.presets.map(\.name).joined(separator: ", ")
            return try make(args, hint: "the names are \(names)") { try HardwareGraphs.preset(name) }
        }
        r.add("dead_qubits", [.required("graph"), .required("count"), .optional("seed", "0")], topic: "graphs", doc: """
            A copy of a hardware graph without `count` randomly chosen qubits, the same ones for the same seed.
            The result remembers them: `g.dead` lists them and `draw(g)` marks them.
            let g = dead_qubits(chimera(16), 20, seed: 3)
            """) { args in
            let g = try args.graph(0), count = try args.int(1), seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            return try make(args, hint: "count must be between 0 and the number of qubits (\(g.nodeCount))") {
                try HardwareGraphs.deadQubits(g, count: count, seed: seed)
            }
        }
        r.add("draw", [.required("x"), .optional("title")], topic: "figures", doc: """
            A drawing of a graph or an embedding, shown in the terminal or saved as SVG or PNG.
            `save(draw(g), "g.svg")` (or ".png") writes the file.
            Hardware graphs are drawn cell by cell (vertical qubits │, horizontal ─, dead ×); an
            embedding colours each chain (letters without colour) and dims unused qubits. Other
            graphs go on a circle, or on their grid. Wide lattices shrink to one or two characters
            per unit cell when the terminal is too narrow for every qubit.
            draw(chimera(2))
            draw(dead_qubits(chimera(16), 40, seed: 1))
            draw(find_embedding(complete(5), chimera(2), seed: 1))
            """) { args in
            let title = args.has(1) ? try args.string(1) : nil
            do {
                switch args.value(0) {
                case .object(let g as GraphValue):
                    return .object(FigureValue(.graph(try GraphDrawings.drawing(of: g.graph, title: title))))
                case .object(let e as EmbeddingValue):
                    let emb = e.embedding
                    return .object(FigureValue(.graph(try GraphDrawings.drawing(of: emb.target, chains: emb.chains,
                                                                                source: emb.source, title: title))))
                default:
                    throw args.error("`x` must be a graph or an embedding, got \(args.value(0).typeName)",
                                     hint: "draw(chimera(4)) or draw(find_embedding(complete(5), chimera(2)))")
                }
            } catch let e as IsingError {
                throw args.error(e.message, hint: "draw a hardware graph (chimera, pegasus, zephyr) or a smaller graph")
            }
        }
    }
}
