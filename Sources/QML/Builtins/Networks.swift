import Foundation
import IsingCore
import Learning

extension BuiltinRegistry {
    /// Layers, optimisers, RBMs and Helmholtz machines.
    static func registerNetworks(into r: inout BuiltinRegistry) {
        registerLayers(into: &r)
        registerOptimizers(into: &r)
        registerRBMs(into: &r)
        registerHelmholtz(into: &r)
        registerRBMTraining(into: &r)
    }

    /// dense, the activations and chain.
    static func registerLayers(into r: inout BuiltinRegistry) {
        r.add("dense", [.required("inputs"), .required("outputs"), .optional("seed", "0"), .optional("dtype", "\"float64\"")], topic: "networks", doc: """
            A fully connected layer y = x W + b (W of shape (inputs, outputs), Glorot-uniform from `seed`, b zero).
            Called like a function on a vector or on a batch of rows: dense(64, 32)(x); `.weight`, `.bias`, `.parameters`.
            let net = chain(dense(64, 32, seed: 1), relu, dense(32, 10, seed: 2), softmax)
            """) { args in
            let i = try args.int(0), o = try args.int(1), seed = try args.int(2, default: 0), dtype = try args.dtype(3)
            args.interpreter.noteSeed(seed)
            do { return .object(NetworkValue(try Dense(inputs: i, outputs: o, seed: UInt64(bitPattern: Int64(seed)), dtype: dtype))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        let activations: [(String, Activation.Kind, String)] = [
            ("sigmoid", .sigmoid, "The logistic function 1 / (1 + e^-x) of a number or of every element of a tensor; as a chain item, a sigmoid layer."),
            ("relu", .relu, "max(x, 0) of a number or of every element of a tensor; as a chain item, a relu layer."),
            ("softmax", .softmax, "e^x / Σ e^x along the last axis of a tensor (or a list); as a chain item, a softmax layer."),
        ]
        for (name, kind, doc) in activations {
            r.add(name, [.required("x")], topic: "networks", doc: doc + "\n\(name)(tensor([-1, 0, 1]))") { args in
                if kind != .softmax, let x = args.value(0).asDouble, args.value(0).typeName != "bool" {
                    let y = try Activation.apply(kind, Tensor(vector: [x]))
                    return .float(y.data.first ?? .nan)
                }
                let t = try args.tensor(0)
                return try TensorValue.run { try Activation.apply(kind, t) }
            }
        }
        r.add("leaky_relu", [.required("x"), .optional("a", "0.01")], topic: "networks", doc: """
            x for x > 0 and a·x otherwise; leaky_relu(a) with one number makes a layer with slope a (for chain).
            chain(dense(4, 8), leaky_relu(0.1), dense(8, 1));  leaky_relu(tensor([-2, 3]), a: 0.5)
            """) { args in
            if !args.has(1), let a = args.value(0).asDouble {
                guard a >= 0, a < 1 else { throw args.error("the slope `a` must be in [0, 1), got \(ValueFormatter.float(a))") }
                return .object(NetworkValue(Activation(.leakyRelu(a))))
            }
            let a = try args.double(1, default: 0.01)
            if let x = args.value(0).asDouble { return .float(x > 0 ? x : a * x) }
            let t = try args.tensor(0)
            return try TensorValue.run { try Activation.apply(.leakyRelu(a), t) }
        }
        r.extend("chain", [.variadic("items"), .optional("sampler"), .optional("seed", "0"), .optional("initial")], topic: "networks", doc: { original in
            """
            Layers in sequence as one network: chain(dense(64, 32), tanh, dense(32, 10)); or, with a Hamiltonian and a sampler, an MCMC trace.
            Activations are given by name (sigmoid, tanh, relu, softmax) or as leaky_relu(a). The network is called like a function.
            With (H, sampler): \(original.split(separator: "\n").map(String.init).joined(separator: "\n"))
            """
        }, forward: { args in
            let items = try args.list(0)
            let sampler = args.has(1) ? args.value(1) : (items.count > 1 ? items[1] : nil)
            return [items.first, sampler, args.has(2) ? args.value(2) : nil, args.has(3) ? args.value(3) : nil]
        }) { args in
            let items = try args.list(0)
            if case .object(let o)? = items.first, o is HamiltonianValue { return nil }
            guard !items.isEmpty else { throw args.error("chain needs at least one layer") }
            if args.has(1) || args.has(2) || args.has(3) { throw args.error("`sampler`, `seed` and `initial` are for MCMC traces, not networks") }
            let layers = try items.enumerated().map { try args.layer($1, position: $0) }
            return .object(NetworkValue(Chain(layers)))
        }
        r.add("mse", [.required("output"), .required("target")], topic: "networks", doc: """
            The mean squared error between two tensors of the same shape.
            """) { args in
            let y = try args.tensor(0), t = try args.tensor(1)
            do { return .float(try Loss.mse.evaluate(y, t).loss) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("cross_entropy", [.required("logits"), .required("target")], topic: "networks", doc: """
            The softmax cross-entropy of logits (rows) against one-hot or probability targets, averaged over rows.
            """) { args in
            let y = try args.tensor(0), t = try args.tensor(1)
            do { return .float(try Loss.crossEntropy.evaluate(y, t).loss) } catch let e as IsingError { throw args.error(e.message) }
        }
    }

    /// sgd, adam and learning-rate schedules.
    static func registerOptimizers(into r: inout BuiltinRegistry) {
        r.add("sgd", [.optional("lr", "0.01"), .optional("momentum", "0.0")], topic: "networks", doc: """
            Stochastic gradient descent with momentum; `lr:` a number or a schedule. opt.step(net) applies the gradients.
            let opt = sgd(lr: 0.1, momentum: 0.9)
            """) { args in
            let s = try args.schedule(0, default: 0.01), mom = try args.double(1, default: 0)
            do { return .object(OptimizerValue(try SGD(schedule: s, momentum: mom))) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("adam", [.optional("lr", "0.001"), .optional("betas", "(0.9, 0.999)"), .optional("eps", "1e-08")], topic: "networks", doc: """
            The Adam optimizer; `lr:` a number or a schedule, `betas:` the two moment decay rates.
            let opt = adam(lr: 0.001, betas: (0.9, 0.999))
            """) { args in
            let s = try args.schedule(0, default: 0.001)
            var b1 = 0.9, b2 = 0.999
            if args.has(1) {
                let betas = try args.doubles(1)
                guard betas.count == 2 else { throw args.error("`betas` must be two numbers, e.g. (0.9, 0.999)") }
                b1 = betas[0]; b2 = betas[1]
            }
            let eps = try args.double(2, default: 1e-8)
            do { return .object(OptimizerValue(try Adam(schedule: s, beta1: b1, beta2: b2, epsilon: eps))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("linear_decay", [.required("start"), .required("end"), .required("steps")], topic: "networks", doc: """
            A learning rate falling linearly from `start` to `end` over `steps` steps, then staying at `end`.
            adam(lr: linear_decay(0.005, 0.0005, 1000))
            """) { args in
            let s = LearningRate.linear(start: try args.double(0), end: try args.double(1), steps: try args.int(2))
            do { return .object(LearningRateValue(try s.validated())) } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("step_decay", [.required("start"), .required("every"), .optional("factor", "0.5")], topic: "networks", doc: """
            A learning rate multiplied by `factor` every `every` steps.
            sgd(lr: step_decay(0.1, 100, factor: 0.5))
            """) { args in
            let s = LearningRate.step(start: try args.double(0), every: try args.int(1), factor: try args.double(2, default: 0.5))
            do { return .object(LearningRateValue(try s.validated())) } catch let e as IsingError { throw args.error(e.message) }
        }
    }

    /// rbm, ais and classify.
    static func registerRBMs(into r: inout BuiltinRegistry) {
        r.add("rbm", [.required("visible"), .required("hidden"), .optional("units", "\"bernoulli\""), .optional("labels", "0"),
                      .optional("seed", "0"), .optional("scale", "0.01")], topic: "models", doc: """
            A restricted Boltzmann machine with E(v, h) = -b·v - c·h - v·W·h, Bernoulli (0/1) or "spin" (±1) units.
            `labels:` marks the last visible units as a one-hot class block (for classify). Weights are normal with sd `scale`.
            Members: .fit(data, method: "cd" | "pcd" | "sampler", ...), .free_energy(v), .sample(n, sampler), .reconstruct(v),
            .transform(v), .log_z, .loglik(data), .pseudo_loglik(data), .ising(), .classify(x), .W .b .c.
            let m = rbm(64, 32, seed: 1)
            """) { args in
            let nv = try args.int(0), nh = try args.int(1)
            let unitsName = try args.string(2, default: "bernoulli")
            guard let units = UnitKind(rawValue: unitsName) else { throw args.error("`units` must be \"bernoulli\" or \"spin\", got \"\(unitsName)\"") }
            let labels = try args.int(3, default: 0), seed = try args.int(4, default: 0), scale = try args.double(5, default: 0.01)
            args.interpreter.noteSeed(seed)
            do {
                return .object(RBMValue(try RBM(visible: nv, hidden: nh, units: units, labels: labels, seed: UInt64(bitPattern: Int64(seed)), scale: scale)))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("ais", [.required("model"), .optional("chains", "100"), .optional("betas", "10000"), .optional("seed", "0")], topic: "models", doc: """
            log Z of an RBM by annealed importance sampling: a record {log_z, stderr, low, high, chains, betas}.
            `betas:` the number of temperatures (linear from 0 to 1) or the list of them. Usable as loglik(data, log_z: ais(m)).
            ais(m, chains: 100, betas: 10000, seed: 1).log_z
            """) { args in
            let m = try args.rbm(0)
            let chains = try args.int(1, default: 100)
            let seed = try args.int(3, default: 0)
            args.interpreter.noteSeed(seed)
            do {
                let betas: [Double]
                if args.has(2), case .int = args.value(2) { betas = try RBM.linearBetas(try args.int(2)) }
                else if args.has(2) { betas = try args.doubles(2) }
                else { betas = try RBM.linearBetas(10_000) }
                let e = try m.annealedImportanceSampling(chains: chains, betas: betas, seed: UInt64(bitPattern: Int64(seed)))
                return .record(RecordBox([("log_z", .float(e.logZ)), ("stderr", .float(e.standardError)), ("low", .float(e.low)),
                                          ("high", .float(e.high)), ("chains", .int(e.chains)), ("betas", .int(e.temperatures))]))
            } catch let e as IsingError { throw args.error(e.message) }
        }
        let classifyDoc = """
            The most probable class of each picture under a model with a label block: for an RBM, p(y | x) from free energies.
            let m = rbm(64 + 10, 200, labels: 10); m.fit(concat([x, y1hot], axis: 1), ...); classify(m, x_test)
            """
        let classify: (inout Arguments) throws -> Value? = { args in
            guard case .object(let o as RBMValue) = args.value(0) else { return nil }
            let m = o.rbm
            let (rows, single) = try args.rows(1, width: m.features, units: m.units)
            do {
                let c = try m.classify(rows)
                return single ? .int(c.first ?? 0) : .list(c.map { .int($0) })
            } catch let e as IsingError { throw args.error(e.message) }
        }
        if r.builtins.contains(where: { $0.name == "classify" }) {
            r.extend("classify", doc: { $0 + "\nRBMs with labels: p(y | x) exactly from free energies." }, classify)
        } else {
            r.add("classify", [.required("model"), .required("pictures")], topic: "models", doc: classifyDoc) { args in
                if let v = try classify(&args) { return v }
                throw args.error("`model` must be a model with a label block, got \(args.value(0).typeName)")
            }
        }
    }
}
