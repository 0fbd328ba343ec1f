# RBM training loops checkpoint and resume bit for bit: CD, PCD with its persistent chains, a sampler
# negative phase, momentum, l2, learning-rate schedules, spin units and the discriminative weight of a label block
let data = tensor([[1, 1, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [1, 1, 0, 0, 0, 0], [0, 0, 0, 1, 1, 1],
                   [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1], [1, 0, 1, 0, 1, 0]])
let d = dataset(data.to_list())
let path = "/tmp/qrepl-golden-rbm-resume.json"
let same = |a, b| (a - b).abs().max() == 0
# PCD: stopped at step 13, the last checkpoint is step 10; resume needs no sampler
let c = train(rbm(6, 4, seed: 3), d, method: "pcd", chains: 5, batch: 3, lr: linear_decay(0.1, 0.02, 20), momentum: 0.5,
              l2: 0.001, steps: 24, seed: 7, checkpoint: path, every: 5)
c.run(steps: 13)
let r = resume(path)
print(r.step, r)   # expect: 10 TrainingLoop(step 10 of 24, pcd, lr linear_decay(0.1, 0.02, 20))
r.run()
let whole = train(rbm(6, 4, seed: 3), d, method: "pcd", chains: 5, batch: 3, lr: linear_decay(0.1, 0.02, 20), momentum: 0.5,
                  l2: 0.001, steps: 24, seed: 7)
whole.run()
print(r.model, same(r.model.W, whole.model.W), same(r.model.b, whole.model.b), same(r.model.c, whole.model.c))
# expect: rbm(6, 4) true true true
print(r.history.grad_norm == whole.history.grad_norm, r.history.W_max == whole.history.W_max, r.model.loglik(data) == whole.model.loglik(data))
# expect: true true true
# CD-2 on spin units over epochs
let cd = train(rbm(6, 3, units: "spin", seed: 2), d, method: "cd", k: 2, batch: 2, lr: 0.05, epochs: 4, seed: 1, checkpoint: path, every: 3)
cd.run(steps: 8)
let rcd = resume(path)
rcd.run()
let wcd = train(rbm(6, 3, units: "spin", seed: 2), d, method: "cd", k: 2, batch: 2, lr: 0.05, epochs: 4, seed: 1)
wcd.run()
print(rcd.step, rcd.model, same(rcd.model.W, wcd.model.W), rcd.history.reconstruction_error == wcd.history.reconstruction_error)
# expect: 16 rbm(6, 3, units: "spin") true true
# a sampler negative phase: the sampler is given again
let sp = train(rbm(6, 4, seed: 5), d, method: "sampler", sampler: gibbs(sweeps: 3), reads: 20, temperature: 1.5, batch: 4,
               lr: 0.05, steps: 12, seed: 2, checkpoint: path, every: 4)
sp.run(steps: 6)
let rsp = resume(path, sampler: gibbs(sweeps: 3))
rsp.run()
let wsp = train(rbm(6, 4, seed: 5), d, method: "sampler", sampler: gibbs(sweeps: 3), reads: 20, temperature: 1.5, batch: 4,
                lr: 0.05, steps: 12, seed: 2)
wsp.run()
print(rsp, same(rsp.model.W, wsp.model.W), same(rsp.model.c, wsp.model.c))
# expect: TrainingLoop(step 12 of 12, gibbs, lr 0.05) true true
# a label block trained with a discriminative weight
let labelled = dataset((tensor([[1, 1, 0, 0, 1, 0], [1, 0, 0, 0, 1, 0], [0, 0, 1, 1, 0, 1], [0, 1, 1, 1, 0, 1]])).to_list())
let dc = train(rbm(6, 5, labels: 2, seed: 4), labelled, method: "pcd", discriminative: 1.0, generative: 0.5, batch: 3, lr: 0.1,
               steps: 10, seed: 3, checkpoint: path, every: 4)
dc.run(steps: 9)
let rdc = resume(path)
rdc.run()
let wdc = train(rbm(6, 5, labels: 2, seed: 4), labelled, method: "pcd", discriminative: 1.0, generative: 0.5, batch: 3, lr: 0.1,
                steps: 10, seed: 3)
wdc.run()
print(rdc.model, same(rdc.model.W, wdc.model.W), rdc.history.cond_loglik == wdc.history.cond_loglik)
# expect: rbm(6, 5, labels: 2) true true
# a saved machine loads back with the same parameters
whole.model.save("/tmp/qrepl-golden-rbm.json")
let back = load_model("/tmp/qrepl-golden-rbm.json")
print(back, same(back.W, whole.model.W), same(back.b, whole.model.b))   # expect: rbm(6, 4) true true
# mistakes are diagnostics
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| resume("/tmp/qrepl-golden-rbm.json")))
# expect: resume: /tmp/qrepl-golden-rbm.json is not a training checkpoint
train(rbm(6, 4, seed: 3), d, method: "pcd", steps: 2, checkpoint: path, every: 1).run()
print(message(|| resume(path, sampler: gibbs())))
# expect: resume: this checkpoint is of an RBM trained with method "pcd", which draws its own samples
print(message(|| resume(path, data: tensor([[1, 0, 1], [0, 1, 0]]))))
# expect: resume: the data given is not the data the run was trained on (7 rows of 6 values)
sp.run()
print(message(|| resume(path)))
# expect: resume: give the sampler the run used: gibbs(...)
print(message(|| train(rbm(6, 4), d, discriminative: 1.0)))
# expect: train: discriminative training needs a label block: make the RBM with `labels:`
