# Helmholtz machines in the common training loop: wake-sleep steps, a decaying learning
# rate, the history, checkpoints that resume exactly, and a prior on an embedding's qubits
let data = tensor([[1, 1, -1, -1], [1, 1, -1, -1], [-1, -1, 1, 1], [-1, -1, 1, 1], [1, 1, 1, -1]])
let hm = helmholtz([4, 3, 2], seed: 2, scale: 0.1)
let start = hm.bound(data).bound
let loop = train(hm, data, sampler: exact(), reads: 100, lr: linear_decay(0.08, 0.01, 50), batch: 2, epochs: 20, seed: 3)
print(loop)                                   # expect: TrainingLoop(step 0 of 60, exact, lr linear_decay(0.08, 0.01, 50))
loop.track("loglik", |m| m.bound(data).loglik, every: 20)
loop.run(steps: 10)
print(loop.step, loop.history.lr[0], loop.history.lr[9] < 0.08)   # expect: 10 0.08 true
loop.run()
print(loop.step, loop.history.lr[-1], loop.model == hm)   # expect: 60 0.01 true
print(loop.history.columns)   # expect: ["step", "time", "grad_norm", "lr", "A_min", "A_max", "a_min", "a_max", "B_min", "B_max", "b_min", "b_max", "h_min", "h_max", "J_min", "J_max", "bound", "wake_logp", "sleep_logq", "wake_energy", "dream_energy", "loglik"]
print(loop.history.bound[0] == start, hm.bound(data).bound > start + 0.3)   # expect: true true
print(loop.settings.momentum, loop.settings.l2, loop.settings.reads)   # expect: 0.0 0.0 100
# a checkpoint and resume continue bit for bit, the learning-rate schedule included
let path = "/tmp/qrepl-golden-helmholtz.json"
let c = train(helmholtz([4, 3, 2], seed: 5, scale: 0.3), data, sampler: gibbs(sweeps: 5), reads: 30, batch: 2,
              lr: linear_decay(0.1, 0.02, 20), steps: 24, seed: 7, checkpoint: path, every: 8)
c.run(steps: 13)
let r = resume(path, sampler: gibbs(sweeps: 5))
print(r.step, r)                              # expect: 8 TrainingLoop(step 8 of 24, gibbs, lr linear_decay(0.1, 0.02, 20))
r.run()
let whole = train(helmholtz([4, 3, 2], seed: 5, scale: 0.3), data, sampler: gibbs(sweeps: 5), reads: 30, batch: 2,
                  lr: linear_decay(0.1, 0.02, 20), steps: 24, seed: 7)
whole.run()
let same = |a, b| (a - b).abs().max() == 0
print(same(r.model.generator[0].W, whole.model.generator[0].W), same(r.model.recognition[1].c, whole.model.recognition[1].c),
      same(r.model.prior_J, whole.model.prior_J), r.history.lr == whole.history.lr)   # expect: true true true true
# .fit is the same loop run to its end
let f = helmholtz([4, 3, 2], seed: 5, scale: 0.3)
let h = f.fit(data, gibbs(sweeps: 5), epochs: 8, samples: 30, batch: 2, lr: linear_decay(0.1, 0.02, 20), seed: 7, every: 4)
print(h.epoch, h.steps, same(f.prior_J, whole.model.prior_J))   # expect: [4, 8] 24 true
# a prior on the qubits of an embedding: a field per qubit, a coupling per coupler
let emb = clique_embedding(3, chimera(1))
let phys = helmholtz([4, 3], prior: emb, seed: 1)
print(phys, len(phys.prior_h) == emb.qubits)   # expect: helmholtz(layers: [4, 3], visible: "spin", prior: 6 qubits, 9 couplers) true
let p = train(phys, data, sampler: exact(), reads: 50, lr: 0.05, steps: 5, seed: 1)
p.run()
print(p.history.columns[-1], phys.sample(3, exact(), seed: 1).shape)   # expect: chain_breaks (3, 4)
# mistakes are diagnostics
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| train(hm, tensor([[1, 1, 1]]), sampler: exact())))
# expect: train: the data has 3 values per row, the machine has 4 visible units
print(message(|| train(hm, data, sampler: exact(), steps: 5, epochs: 2)))
# expect: train: give `steps` or `epochs`, not both
print(message(|| train(helmholtz([4, 2], visible: "tanh"), data * 2, sampler: exact())))
# expect: train: tanh visible units learn values in [-1, 1]; scale the data, e.g. tensor(d) / 8 - 1 for the digits
print(message(|| train(hm, data, sampler: exact(), lr: linear_decay(0.1, 0.01, 0))))
# expect: linear_decay: linear decay needs at least 1 step, got 0
print(message(|| helmholtz([4, 2], prior: emb)))
# expect: helmholtz: the embedding has 3 chains for a deepest layer of 2 units
