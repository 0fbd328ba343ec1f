import Display
import IsingCore

/// A sampler as a language value.
final class SamplerValue: NativeValue {
    let sampler: any Sampler
    init(_ sampler: any Sampler) { self.sampler = sampler }

    override var typeName: String { "Sampler" }
    override var summary: String {
        "\(sampler.name)(" + sampler.settings.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
    }
    override var memberNames: [String] {
        sampler is DeviceAnnealer ? ["sample", "name", "settings", "graph", "h_range", "j_range"] : ["sample", "name", "settings"]
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "name": return .str(sampler.name)
        case "settings": return .record(RecordBox(sampler.settings.map { ($0.0, .str($0.1)) }))
        case "graph" where sampler is DeviceAnnealer:
            return (sampler as? DeviceAnnealer).map { .object(GraphValue($0.graph)) }
        case "h_range" where sampler is DeviceAnnealer:
            return (sampler as? DeviceAnnealer).map { .tuple([.float($0.hRange.lowerBound), .float($0.hRange.upperBound)]) }
        case "j_range" where sampler is DeviceAnnealer:
            return (sampler as? DeviceAnnealer).map { .tuple([.float($0.jRange.lowerBound), .float($0.jRange.upperBound)]) }
        case "sample":
            return method(name, [.required("H"), .optional("reads", "100"), .optional("seed", "0"),
                                 .optional("threads", "cores"), .optional("initial")],
                          "Samples a Hamiltonian with this sampler (the same as sample(H, sampler, ...)).") { args in
                try BuiltinRegistry.runSampler(self.sampler, args, modelIndex: 0, firstOption: 1)
            }
        default: return nil
        }
    }
}

extension Arguments {
    /// A sampler argument.
    func sampler(_ i: Int) throws -> any Sampler {
        guard case .object(let o as SamplerValue) = value(i) else {
            throw error("`\(name(i))` must be a sampler, got \(value(i).typeName)", hint: "for example exact(), gibbs(), sa(), pt(), pa(), greedy()")
        }
        return o.sampler
    }
}

extension BuiltinRegistry {
    /// `sample(...)` and the sampler constructors.
    static func registerSampling(into r: inout BuiltinRegistry) {
        r.add("sample", [.required("H"), .required("sampler"), .optional("reads", "100"), .optional("seed", "0"),
                         .optional("threads", "cores"), .optional("initial")], topic: "sampling", doc: """
            Draws samples of a Hamiltonian with a sampler; the same seed gives the same samples whatever the thread count.
            `initial:` gives starting states (one list, or a list of lists) for samplers that start somewhere.
            sample(H, sa(), reads: 100, seed: 7)
            """) { args in
            _ = try args.hamiltonian(0)
            return try runSampler(try args.sampler(1), args, modelIndex: 0, firstOption: 2)
        }
    }

    /// Runs a sampler on the Hamiltonian at `modelIndex`, reading reads/seed/threads/initial
    /// from the arguments starting at `firstOption`.
    static func runSampler(_ sampler: any Sampler, _ args: Arguments, modelIndex: Int, firstOption k: Int) throws -> Value {
        let model = try args.hamiltonian(modelIndex)
        let reads = try args.int(k, default: 100)
        guard reads >= 0, reads <= 100_000_000 else { throw args.error("`reads` must be between 0 and 100000000") }
        guard reads.multipliedReportingOverflow(by: max(model.count, 1)).partialValue <= 1_000_000_000,
              !reads.multipliedReportingOverflow(by: max(model.count, 1)).overflow else {
            throw args.error("\(reads) reads of \(model.count) variables would hold more than 10^9 values",
                             hint: "take fewer reads, or several smaller batches")
        }
        let seed = try args.int(k + 1, default: 0)
        args.interpreter.noteSeed(seed)
        let threads = try args.int(k + 2, default: defaultThreadCount)
        guard threads >= 1, threads <= 1024 else { throw args.error("`threads` must be between 1 and 1024") }
        var initial: [Int8]?
        if args.has(k + 3) {
            var rows = [args.value(k + 3)]
            if case .list(let xs) = args.value(k + 3), case .list? = xs.first { rows = xs }
            var flat: [Int8] = []
            for row in rows {
                var s = try readState(row, variables: model.variables, vartype: model.vartype, index: { model.index(of: $0) }, what: "initial state")
                if model.vartype == .binary { s = s.map { $0 > 0 ? 1 : -1 } }
                flat.append(contentsOf: s)
            }
            initial = flat
        }
        var request = SampleRequest(reads: reads, seed: UInt64(bitPattern: Int64(seed)), threads: threads, initial: initial)
        // A progress bar on the terminal (standard error) for runs that take a while.
        let bar = ProgressBar.onStandardError(label: "\(sampler.name)", total: reads)
        bar.startDelay = 0.5
        request.progress = { done, total in bar.update(to: total > 0 ? Int(Double(reads) * Double(done) / Double(total)) : reads) }
        defer { bar.finish() }
        do {
            return .object(SampleSetValue(try sampler.sample(model, request)))
        } catch let e as IsingError {
            throw args.error(e.message)
        }
    }
}
