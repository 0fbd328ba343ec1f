import Display
import IsingCore
import Learning

/// A native value that `train(...)` can train: it hands out its `TrainableModel`.
/// Other model families (RBMs, ...) conform their values to train in the same loop.
protocol TrainableValue: AnyObject {
    var trainable: any TrainableModel { get }
}

/// A fully visible Boltzmann machine as a language value (made by `fvbm`).
final class BoltzmannValue: NativeValue, TrainableValue, FigureSource {
    let machine: VisibleBoltzmannMachine
    init(_ machine: VisibleBoltzmannMachine) { self.machine = machine }

    var trainable: any TrainableModel { machine }

    override var typeName: String { "Model" }

    override var summary: String {
        let m = machine
        var text = "fvbm(\(m.count) variables, \(m.J.count) couplings"
        if let c = m.chains { text += "; \(c.count) logical variables in chains of \(c.map(\.count).min() ?? 0)–\(c.map(\.count).max() ?? 0)" }
        return text + ")"
    }

    override var display: String {
        func range(_ xs: [Double]) -> String {
            guard let lo = xs.min(), let hi = xs.max() else { return "none" }
            return "[\(ValueFormatter.float(lo)), \(ValueFormatter.float(hi))]"
        }
        return [summary, "  h in \(range(machine.h))", "  J in \(range(machine.J))", "  graph: \(machine.graph.name)"].joined(separator: "\n")
    }

    override var memberNames: [String] {
        ["h", "J", "energy", "hamiltonian", "loglik", "log_z", "sample", "save", "graph", "variables", "encode", "decode",
         "num_variables", "chains", "parameters"]
    }

    /// A list of ±1 values or a data set row as the model's variables.
    func state(_ v: Value, _ args: Arguments) throws -> [Double] {
        guard let items = try v.iterated() else { throw args.error("a state must be a list of +-1 values") }
        let xs = try items.map { x -> Double in
            guard let d = x.asDouble, d == 1 || d == -1 else { throw args.error("a state holds -1 and +1, found \(ValueFormatter.describe(x))") }
            return d
        }
        if xs.count == machine.count { return xs }
        if xs.count == machine.logicalCount { return machine.encode(xs[...]) }
        throw args.error("the state has \(xs.count) values; the model has \(machine.count) variables")
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let m = machine
        switch name {
        case "num_variables": return .int(m.count)
        case "variables": return .list(m.graph.nodes.map(\.value))
        case "graph": return .object(GraphValue(m.graph))
        case "chains": return m.chains.map { .list($0.map { .list($0.map { .int($0) }) }) } ?? .null
        case "parameters": return .list(m.parameters.map { .float($0) })
        case "h":
            let r = RecordBox()
            for (i, v) in m.graph.nodes.enumerated() { r.set(v.value, .float(m.h[i])) }
            return .record(r)
        case "J":
            let r = RecordBox()
            for (k, (u, v)) in m.graph.edges.enumerated() { r.set(.tuple([m.graph.nodes[u].value, m.graph.nodes[v].value]), .float(m.J[k])) }
            return .record(r)
        case "hamiltonian": return .object(HamiltonianValue(m.bqm))
        case "energy":
            return method(name, [.required("state")], "The energy of a state: sum h_i s_i + sum J_ij s_i s_j (logical states are encoded).") { args in
                let z = try self.state(args.value(0), args)
                return .float(m.energy(z[...]))
            }
        case "log_z":
            return method(name, [], "log Z by exact enumeration (at most 30 variables).") { args in
                .float(try native(args) { try m.logPartition(threads: defaultThreadCount) })
            }
        case "loglik":
            return method(name, [.required("data")], "The exact mean log-likelihood per row of a data set (at most 30 variables).") { args in
                let d = try args.dataset(0)
                return .float(try native(args) { try m.logLikelihood(d, threads: defaultThreadCount) })
            }
        case "sample":
            return method(name, [.required("n"), .required("sampler"), .optional("seed", "0")],
                          "n samples of the model from a sampler, as a data set of logical rows (chains decoded by majority).") { args in
                let n = try args.int(0), sampler = try args.sampler(1), seed = try args.seed(2) ?? 0
                return .object(DatasetValue(try native(args) { try m.sample(n, sampler: sampler, seed: seed, threads: defaultThreadCount) }))
            }
        case "encode":
            return method(name, [.required("data")], "Logical rows copied onto every qubit of their chains (seed 004's eq. 6).") { args in
                let d = try args.dataset(0)
                return .object(DatasetValue(try native(args) { try m.modelData(d) }))
            }
        case "decode":
            return method(name, [.required("data")], "Model rows decoded by a majority vote in each chain (eq. 8; 0 for a tie).") { args in
                let d = try args.dataset(0)
                guard d.dimension == m.count else { throw args.error("rows have \(d.dimension) values; the model has \(m.count)") }
                var out: [Double] = []
                for r in 0..<d.count { out += m.decode(d.row(r)) }
                return .object(DatasetValue(try native(args) {
                    var x = try Dataset(values: out, dimension: m.logicalCount, labels: d.labels, name: d.name + " |> decode")
                    if let s = m.shape, s.pixels <= m.logicalCount { x.shape = s }
                    return x
                }))
            }
        case "save":
            return method(name, [.required("path")], "Writes the model as JSON (load it with load_model).") { args in
                let path = try args.string(0)
                try native(args) { try m.save(to: path) }
                return .null
            }
        default: return nil
        }
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        guard builtin == "heatmap" else { return nil }
        let n = machine.count
        var values = [Double](repeating: 0, count: n * n)
        for (k, (u, v)) in machine.graph.edges.enumerated() { values[u * n + v] = machine.J[k]; values[v * n + u] = machine.J[k] }
        for i in 0..<n { values[i * n + i] = machine.h[i] }
        return .heatmap(Heatmap(rows: n, cols: n, values: values, title: args.has(1) ? try args.string(1) : "couplings J (fields h on the diagonal)",
                                diverging: true))
    }
}

extension Arguments {
    /// A visible Boltzmann machine argument.
    func boltzmann(_ i: Int) throws -> VisibleBoltzmannMachine {
        guard case .object(let o as BoltzmannValue) = value(i) else {
            throw error("`\(name(i))` must be a Boltzmann machine, got \(value(i).typeName)", hint: "make one with fvbm(complete(n))")
        }
        return o.machine
    }
}
