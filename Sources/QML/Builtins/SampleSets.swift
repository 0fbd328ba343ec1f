import IsingCore

/// A sample set as a language value.
final class SampleSetValue: NativeValue {
    let samples: SampleSet
    init(_ samples: SampleSet) { self.samples = samples }

    override var typeName: String { "SampleSet" }

    var samplerName: String {
        for (k, v) in samples.info where k == "sampler" { return v.description }
        return "?"
    }

    override var summary: String {
        var text = "SampleSet(\(samples.reads) reads, \(samples.size) rows, \(samples.variables.count) variables, \(samplerName)"
        if samples.hasEnergies, let i = samples.lowestIndex { text += ", lowest \(ValueFormatter.float(samples.energies[i]))" }
        if !samples.hasEnergies { text += ", no energies" }
        return text + ")"
    }

    /// A state written compactly: `+-+-` for spins, `0101` for binaries, or a list when long.
    func compact(_ row: Int) -> String {
        let s = samples.state(row)
        if s.count > 64 { return ValueFormatter.describe(stateValue(s.prefix(16))) + " ... (\(s.count) values)" }
        return String(s.map { samples.vartype == .spin ? ($0 > 0 ? "+" : "-") : ($0 > 0 ? "1" : "0") })
    }

    override var display: String {
        var lines = [summary]
        let shown = min(samples.size, 10)
        let order = samples.energies.indices.sorted { samples.energies[$0] < samples.energies[$1] }.prefix(shown)
        let energies = order.map { samples.hasEnergies ? ValueFormatter.float(samples.energies[$0]) : "-" }
        let width = max(6, energies.map(\.count).max() ?? 6)
        lines.append("  " + "energy".padding(toLength: width, withPad: " ", startingAt: 0) + "  count  state")
        for (k, r) in order.enumerated() {
            let e = String(repeating: " ", count: width - energies[k].count) + energies[k]
            let c = String(samples.counts[r])
            lines.append("  \(e)  \(String(repeating: " ", count: max(0, 5 - c.count)))\(c)  \(compact(r))")
        }
        if samples.size > shown {
            let mean = samples.hasEnergies ? " (mean energy \(ValueFormatter.float(samples.meanEnergy)))" : ""
            lines.append("  ... \(samples.size - shown) more rows\(mean)")
        }
        if let x = samples.exact {
            lines.append("  exact at beta = \(ValueFormatter.float(x.beta)): log Z = \(ValueFormatter.float(x.logZ)), ground energy \(ValueFormatter.float(x.groundEnergy)) (\(x.groundStates.count) state\(x.groundStates.count == 1 ? "" : "s"))")
        }
        return lines.joined(separator: "\n")
    }

    override var length: Int? { samples.size }

    /// One row: its state (in variable order), the same as a record {variable: value}, energy and count.
    func row(_ r: Int) -> Value {
        let state = samples.state(r)
        let byName = RecordBox()
        for (label, x) in zip(samples.variables, state) { byName.set(label.value, .int(Int(x))) }
        return .record(RecordBox([("state", stateValue(state)), ("sample", .record(byName)),
                                  ("energy", samples.hasEnergies ? .float(samples.energies[r]) : .null),
                                  ("count", .int(samples.counts[r]))]))
    }

    override func elements(interpreter: Interpreter) throws -> [Value]? { (0..<samples.size).map(row) }

    override func subscripted(_ index: Value, interpreter: Interpreter) throws -> Value? {
        guard case .int(let i) = index else { throw Diagnostic.runtime("a sample set is indexed by row number, got \(index.typeName)", at: nil) }
        let j = i < 0 ? i + samples.size : i
        guard j >= 0, j < samples.size else {
            throw Diagnostic.runtime("row \(i) out of range for a sample set of \(samples.size) rows", at: nil)
        }
        return row(j)
    }

    override var memberNames: [String] {
        var names = ["states", "energies", "counts", "size", "reads", "lowest", "first", "aggregate", "mean_energy",
                     "magnetization", "correlations", "info", "timing", "variables", "vartype"]
        if samples.exact != nil { names += ["log_z", "ground_energy", "ground_states", "beta"] }
        else if samples.info.contains(where: { $0.0 == "log_z" }) { names.append("log_z") }
        return names
    }

    func requireExact(_ what: String) throws -> ExactSummary {
        guard let x = samples.exact else {
            throw Diagnostic.runtime("`\(what)` is only known exactly for samples from exact()", at: nil,
                                     hint: "sample with exact(beta: ...) to get log Z, ground states and exact marginals")
        }
        return x
    }

    /// Throws for energy members of reads decoded without the logical Hamiltonian.
    func requireEnergies(_ what: String) throws {
        guard samples.hasEnergies else {
            throw Diagnostic.runtime("`\(what)` needs energies, and these samples were decoded from chains without the logical Hamiltonian",
                                     at: nil, hint: "pass it when decoding: emb.decode(samples, H: H)")
        }
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let s = samples
        let n = s.variables.count
        if ["energies", "lowest", "mean_energy"].contains(name) { try requireEnergies(name) }
        switch name {
        case "states": return .list((0..<s.size).map { stateValue(s.state($0)) })
        case "energies": return .list(s.energies.map { .float($0) })
        case "counts": return .list(s.counts.map { .int($0) })
        case "size": return .int(s.size)
        case "reads": return .int(s.reads)
        case "variables": return .list(s.variables.map(\.value))
        case "vartype": return .str(s.vartype == .spin ? "spin" : "binary")
        case "lowest":
            guard let i = s.lowestIndex else { throw Diagnostic.runtime("the sample set is empty", at: nil) }
            return row(i)
        case "first":
            guard s.size > 0 else { throw Diagnostic.runtime("the sample set is empty", at: nil) }
            return row(0)
        case "aggregate":
            return method(name, [], "Identical states merged with their counts added, sorted by energy.") { _ in
                .object(SampleSetValue(s.aggregated()))
            }
        case "mean_energy": return .float(s.meanEnergy)
        case "magnetization":
            if let x = s.exact { return .list(x.magnetization.map { .float($0) }) }
            return .list(s.magnetization.map { .float($0) })
        case "correlations":
            let c = s.exact?.correlations ?? s.correlations
            return .list((0..<n).map { i in .list((0..<n).map { j in .float(c[i * n + j]) }) })
        case "info":
            let r = RecordBox()
            for (k, v) in s.info { r.set(.str(k), SampleSetValue.infoValue(v)) }
            return .record(r)
        case "timing":
            // Wall time of the run, then any simulated device timing (µs, as an annealer reports it).
            var fields: [(String, Value)] = [("seconds", .float(s.seconds)),
                                             ("reads_per_second", .float(s.seconds > 0 ? Double(s.reads) / s.seconds : 0))]
            for (k, v) in s.info where k.hasPrefix("timing.") { fields.append((String(k.dropFirst(7)), SampleSetValue.infoValue(v))) }
            return .record(RecordBox(fields))
        case "log_z":
            // Exact from exact(); estimated (at the final info.beta) from pa().
            if s.exact == nil, let (_, v) = s.info.first(where: { $0.0 == "log_z" }), case .double(let d) = v { return .float(d) }
            return .float(try requireExact(name).logZ)
        case "ground_energy": return .float(try requireExact(name).groundEnergy)
        case "ground_states": return .list(try requireExact(name).groundStates.map { stateValue($0) })
        case "beta": return .float(try requireExact(name).beta)
        default: return nil
        }
    }

    static func infoValue(_ v: InfoValue) -> Value {
        switch v {
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .str(s)
        case .doubles(let xs): return .list(xs.map { .float($0) })
        }
    }
}
