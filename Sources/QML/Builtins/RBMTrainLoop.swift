import IsingCore
import Learning

extension RBMValue: TrainableValue {
    /// The machine as a model of `train(...)`'s loop (one per value, so PCD chains persist).
    var trainable: any TrainableModel { loopModel }
}

extension BuiltinRegistry {
    /// `train(rbm(...), data, method:, k:, chains:, temperature:, ...)`: the generic training
    /// loop with an RBM's negative phase chosen by `method`.
    static func registerRBMTraining(into r: inout BuiltinRegistry) {
        guard let original = r.builtins.last(where: { $0.name == "train" }) else { return }
        let count = original.parameters.count
        let extra: [BuiltinParameter] = [.optional("method", "\"cd\" for RBMs"), .optional("k", "1"), .optional("chains", "batch"),
                                         .optional("temperature", "1.0")]
        r.extend("train", original.parameters + extra, doc: { doc in
            doc + """

                RBMs: `method:` "cd" (CD-k, `k:`), "pcd" (persistent chains, `chains:`) or "sampler" (the negative phase is
                `reads` joint samples of the machine's QUBO/Ising form drawn by `sampler:`, at `temperature:`).
                let loop = train(rbm(64, 32, seed: 1), data, method: "pcd", k: 1, batch: 10, lr: 0.05, momentum: 0, steps: 3600)
                """
        }, forward: { args in
            var values = Array(args.values.prefix(count))
            // CD and PCD need no sampler: give the loop one it will not call.
            if case .object(let o as RBMValue) = args.value(0), values.count > 2, o.loopModel.phase.name != "sampler" {
                values[2] = .object(SamplerValue(ChainPhaseSampler(name: o.loopModel.phase.name)))
            }
            return values
        }) { args in
            let methodGiven = args.has(count) || args.has(count + 1) || args.has(count + 2) || args.has(count + 3)
            guard case .object(let o as RBMValue) = args.value(0) else {
                if methodGiven { throw args.error("`method`, `k`, `chains` and `temperature` are for RBMs") }
                return nil
            }
            let method = try args.string(count, default: "cd")
            let k = try args.int(count + 1, default: 1)
            guard k >= 1, k <= 100_000 else { throw args.error("`k` must be between 1 and 100000, got \(k)") }
            switch method {
            case "cd": o.loopModel.phase = .cd(k: k)
            case "pcd": o.loopModel.phase = .pcd(k: k, chains: try args.int(count + 2, default: 0))
            case "sampler":
                guard args.has(2) else { throw args.error("method \"sampler\" needs `sampler:`", hint: "for example sampler: gibbs(sweeps: 10), sa() or an annealer") }
                let t = try args.double(count + 3, default: 1)
                guard t > 0, t.isFinite else { throw args.error("`temperature` must be a positive number") }
                o.loopModel.phase = .sampler(try args.sampler(2), reads: try args.int(3, default: 100), temperature: t)
            default: throw args.error("`method` must be \"cd\", \"pcd\" or \"sampler\", got \"\(method)\"")
            }
            return nil
        }
    }
}
