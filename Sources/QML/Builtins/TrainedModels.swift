import IsingCore
import Learning

extension BuiltinRegistry {
    /// Using a trained Boltzmann machine: reconstruct, classify, generate.
    static func registerModelUse(into r: inout BuiltinRegistry) {
        r.add("reconstruct", [.required("model"), .required("corrupted"), .optional("sampler", "exact() up to 20 variables"),
                              .optional("votes", "100"), .optional("seed", "0"), .optional("clamp", "\"auto\"")], topic: "learning", doc: """
            Fills in the masked pixels of corrupted pictures by clamping the known ones and sampling the rest.
            `votes` samples are drawn per picture and each unknown pixel is the majority over them (0 for a tie), as in
            seed 004. `clamp:` is "fix" (exact classical clamping), a field h_max programmed on every qubit of the known
            chains, or "auto": the top of an annealer's h range (as the paper does), exact clamping for other samplers.
            let rec = reconstruct(m, corrupt(test, block: (5, 4), seed: 1), sampler: sa(), votes: 100)
            """) { args in
            let m = try args.boltzmann(0), data = try args.dataset(1)
            let sampler = try args.samplerOrExact(2, variables: m.count)
            let votes = try args.int(3, default: 100), seed = try args.seed(4) ?? 0, mode = try args.clampMode(5)
            guard votes >= 1, votes <= 1_000_000 else { throw args.error("`votes` must be between 1 and 1000000") }
            return .object(DatasetValue(try native(args) {
                try m.reconstruct(data, votes: votes, sampler: sampler, mode: mode, seed: seed, threads: defaultThreadCount)
            }))
        }
        r.add("classify", [.required("model"), .required("pictures"), .optional("classes", "the model's"),
                           .optional("sampler", "exact() up to 20 variables"), .optional("votes", "100"), .optional("seed", "0"),
                           .optional("clamp", "\"auto\"")], topic: "learning", doc: """
            The class of each picture, found by clamping its pixels and sampling the one-hot class variables.
            The class that is +1 in most of the `votes` samples wins (seed 004). Train the model on data with append_labels.
            let predicted = classify(m, test, sampler: sa(), votes: 100); accuracy(predicted, test.labels)
            """) { args in
            let m = try args.boltzmann(0), data = try args.dataset(1)
            var classes = m.classColumns
            if args.has(2) {
                classes = try args.list(2).map { v -> Int in
                    guard case .int(let i) = v else { throw args.error("classes must be integers") }
                    return i
                }
            }
            if classes.isEmpty { classes = data.classColumns }
            let sampler = try args.samplerOrExact(3, variables: m.count)
            let votes = try args.int(4, default: 100), seed = try args.seed(5) ?? 0, mode = try args.clampMode(6)
            guard votes >= 1, votes <= 1_000_000 else { throw args.error("`votes` must be between 1 and 1000000") }
            return .list(try native(args) {
                try m.classify(data, classes: classes, votes: votes, sampler: sampler, mode: mode, seed: seed, threads: defaultThreadCount)
            }.map { .int($0) })
        }
        r.add("generate", [.required("model"), .optional("clamp", "{}"), .optional("n", "36"), .optional("sampler", "exact() up to 20 variables"),
                           .optional("seed", "0"), .optional("mode", "\"auto\"")], topic: "learning", doc: """
            Samples of a model with some variables clamped, as a data set of logical rows.
            `clamp: {class: 2}` sets the one-hot class variables, `{0: 1, 5: -1}` sets variables by index. Rows are pictures when the model knows its shape.
            show(generate(m, clamp: {class: 3}, n: 12, sampler: sa()))
            """) { args in
            let m = try args.boltzmann(0)
            var known: [Int: Double] = [:]
            if args.has(1) {
                let rec = try args.record(1)
                for k in 0..<rec.count {
                    if rec.keys[k].asString == "class" {
                        guard case .int(let c) = rec.values[k], let pos = m.classColumns.firstIndex(of: c) else {
                            throw args.error("the model's classes are \(m.classColumns); `class` must be one of them")
                        }
                        let first = m.logicalCount - m.classColumns.count
                        for j in m.classColumns.indices { known[first + j] = j == pos ? 1 : -1 }
                    } else {
                        guard case .int(let i) = rec.keys[k], let v = rec.values[k].asDouble else {
                            throw args.error("`clamp` maps variable indices (or `class`) to -1 or +1")
                        }
                        known[i] = v
                    }
                }
            }
            let n = try args.int(2, default: 36)
            guard n >= 0, n <= 10_000_000 else { throw args.error("`n` must be between 0 and 10000000") }
            let sampler = try args.samplerOrExact(3, variables: m.count)
            let seed = try args.seed(4) ?? 0, mode = try args.clampMode(5)
            return .object(DatasetValue(try native(args) {
                let rows = try m.sampleClamped(known, reads: n, sampler: sampler, mode: mode, seed: seed, threads: defaultThreadCount)
                var d = try Dataset(rows: rows, name: "generate")
                if rows.isEmpty { d = try Dataset(values: [], dimension: m.logicalCount, name: "generate") }
                if let s = m.shape, s.pixels <= m.logicalCount { d.shape = s }
                d.classColumns = m.classColumns
                return d
            }))
        }
    }

    /// Metrics of seeds 003 and 004.
    static func registerLearningMetrics(into r: inout BuiltinRegistry) {
        r.add("mistakes", [.required("reconstructed"), .required("original"), .optional("mask", "the reconstruction's")], topic: "learning", doc: """
            The mean number of wrong values per picture among the masked ones (seed 004's mistakes per reconstruction).
            `mask` is a corrupted data set or a list of lists of booleans; by default the reconstruction's own mask.
            mistakes(rec, test) / 20   # the fraction of the 20 blacked-out pixels that are wrong
            """) { args in
            let rec = try args.dataset(0), orig = try args.dataset(1)
            var mask = rec.mask
            if args.has(2) {
                if args.isDataset(2) { mask = try args.dataset(2).mask } else {
                    mask = try args.sequence(2).flatMap { row -> [Bool] in
                        guard let items = try row.iterated() else { throw args.error("`mask` must be a list of lists of booleans") }
                        return items.map { if case .bool(let b) = $0 { return b }; return ($0.asDouble ?? 0) != 0 }
                    }
                }
            }
            guard let mask else { throw args.error("there is no mask", hint: "reconstruct a corrupted data set, or give `mask:`") }
            return .float(try native(args) { try LearningMetrics.mistakes(rec, orig, mask: mask) })
        }
        r.add("accuracy", [.required("predicted"), .required("labels")], topic: "learning", doc: """
            The fraction of predicted labels equal to the true labels.
            accuracy(classify(m, test, sampler: sa()), test.labels)
            """) { args in
            func ints(_ i: Int) throws -> [Int] {
                if args.isDataset(i), let l = try args.dataset(i).labels { return l }
                return try args.sequence(i).map { v in
                    guard case .int(let k) = v else { throw args.error("`\(args.name(i))` must hold integer labels") }
                    return k
                }
            }
            let p = try ints(0), l = try ints(1)
            return .float(try native(args) { try LearningMetrics.accuracy(p, l) })
        }
        r.add("lambda_av", [.required("samples"), .required("true_model"), .optional("beta", "1.0")], topic: "learning", doc: """
            Seed 004's eq. 14: the mean log-probability of samples under the true model, -beta mean(E) - log Z (exact).
            It should match lambda_av(data, H) of the training data when the model has learnt H's distribution.
            lambda_av(m.sample(150, exact(), seed: 1), H)
            """) { args in
            let rows = try args.rowsOfSpins(0)
            let beta = try args.double(2, default: 1)
            let model: BinaryQuadraticModel
            if case .object(let o as BoltzmannValue) = args.value(1) { model = o.machine.bqm } else { model = try args.hamiltonian(1) }
            return .float(try native(args) { try LearningMetrics.lambdaAverage(rows, trueModel: model, beta: beta, threads: defaultThreadCount) })
        }
        r.add("l1_corr", [.required("data"), .required("samples")], topic: "learning", doc: """
            Seed 003's eq. 13: the sum over pairs i < j of |<s_i s_j>_data - <s_i s_j>_samples|.
            l1_corr(data, m.sample(1000, sa(), seed: 1))
            """) { args in
            let a = try args.rowsOfSpins(0), b = try args.rowsOfSpins(1)
            return .float(try native(args) { try LearningMetrics.l1Correlations(a, b) })
        }
        r.add("kl_data", [.required("model"), .required("data")], topic: "learning", doc: """
            KL(data || model): the empirical distribution's negative entropy minus the model's mean log-likelihood (exact).
            kl_data(m, data)
            """) { args in
            let m = try args.boltzmann(0), d = try args.dataset(1)
            return .float(try native(args) { try LearningMetrics.klData(m, d, threads: defaultThreadCount) })
        }
    }
}
