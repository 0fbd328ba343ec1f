import IsingCore
import Learning

extension RBMValue: TrainableValue {
    /// The machine as a model of `train(...)`'s loop: the one the latest `train` made.
    var trainable: any TrainableModel { loopModel }
}

extension BuiltinRegistry {
    /// `train(rbm(...), data, method:, k:, chains:, temperature:, generative:, discriminative:, ...)`:
    /// the generic training loop with an RBM's negative phase chosen by `method`.
    static func registerRBMTraining(into r: inout BuiltinRegistry) {
        guard let original = r.builtins.last(where: { $0.name == "train" }) else { return }
        let count = original.parameters.count
        let extra: [BuiltinParameter] = [.optional("method", "\"cd\" for RBMs"), .optional("k", "1"), .optional("chains", "batch"),
                                         .optional("temperature", "1.0"), .optional("generative", "1.0"),
                                         .optional("discriminative", "0.0")]
        r.extend("train", original.parameters + extra, doc: { doc in
            doc + """

                RBMs: `method:` "cd" (CD-k, `k:`), "pcd" (persistent chains, `chains:`) or "sampler" (the negative phase is
                `reads` joint samples of the machine's QUBO/Ising form drawn by `sampler:`, at `temperature:`).
                With a label block, `discriminative:` adds that weight of the exact gradient of log p(y | x) and `generative:`
                scales the usual one. Checkpoints keep the chains; resume("run.json") needs no sampler for "cd" and "pcd".
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
            let methodGiven = (count..<(count + extra.count)).contains { args.has($0) }
            guard case .object(let o as RBMValue) = args.value(0) else {
                if methodGiven {
                    throw args.error("`method`, `k`, `chains`, `temperature`, `generative` and `discriminative` are for RBMs")
                }
                return nil
            }
            let method = try args.string(count, default: "cd")
            let k = try args.int(count + 1, default: 1)
            guard k >= 1, k <= 100_000 else { throw args.error("`k` must be between 1 and 100000, got \(k)") }
            let phase: NegativePhase
            switch method {
            case "cd": phase = .cd(k: k)
            case "pcd": phase = .pcd(k: k, chains: try args.int(count + 2, default: 0))
            case "sampler":
                guard args.has(2) else { throw args.error("method \"sampler\" needs `sampler:`", hint: "for example sampler: gibbs(sweeps: 10), sa() or an annealer") }
                let t = try args.double(count + 3, default: 1)
                guard t > 0, t.isFinite else { throw args.error("`temperature` must be a positive number") }
                phase = .sampler(try args.sampler(2), reads: try args.int(3, default: 100), temperature: t)
            default: throw args.error("`method` must be \"cd\", \"pcd\" or \"sampler\", got \"\(method)\"")
            }
            // A new loop model per run: earlier loops keep their own phase and persistent chains.
            let model = RBMTrainable(o.rbm, phase: phase, generative: try args.double(count + 4, default: 1),
                                     discriminative: try args.double(count + 5, default: 0))
            do { try model.validate() } catch let e as IsingError { throw args.error(e.message) }
            o.loopModel = model
            return nil
        }
    }

    /// The stand-in sampler of a checkpointed RBM run whose negative phase draws its own
    /// samples (CD, PCD); nil for other runs. Such a run takes no `sampler:`.
    static func rbmResumeSampler(_ contents: Checkpoint.Contents, _ args: Arguments) throws -> (any Sampler)? {
        guard let model = contents.model as? RBMTrainable, model.phase.name != "sampler" else { return nil }
        if args.has(1) {
            throw args.error("this checkpoint is of an RBM trained with method \"\(model.phase.name)\", which draws its own samples",
                             hint: "resume it without `sampler:`")
        }
        return ChainPhaseSampler(name: model.phase.name)
    }
}
