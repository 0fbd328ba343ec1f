# an RBM in the generic training loop: train(model, data, method: ...)
let data = tensor([[1, 1, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1],
                   [0, 0, 0, 1, 1, 1], [1, 1, 0, 0, 0, 0], [1, 0, 1, 0, 1, 0]])
let d = dataset(data.to_list())
let m = rbm(6, 4, seed: 3)
let before = m.loglik(data)
let loop = train(m, d, method: "cd", k: 1, batch: 7, lr: 0.1, momentum: 0.5, l2: 0, steps: 300, seed: 7)
loop.run()
print(loop, m.loglik(data) > before + 1.5)
let s = rbm(6, 4, seed: 3)
let loop2 = train(s, dataset((data * 2 - 1).to_list()), method: "sampler", sampler: exact(), reads: 100, batch: 7, lr: 0.1, momentum: 0.5, l2: 0, steps: 300, seed: 7)
loop2.run()
print(loop2, s.loglik(data) > before + 2)
let p = rbm(6, 4, seed: 3)
let loop3 = train(p, d, method: "pcd", chains: 20, batch: 7, lr: 0.1, momentum: 0.5, l2: 0, steps: 300, seed: 7)
loop3.run()
print(loop3, p.loglik(data) > before + 1.5)
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| train(m, d, method: "gibbs")))
print(message(|| train(m, d, method: "sampler")))
print(message(|| train(m, d, k: 0)))
print(message(|| train(rbm(5, 2), d)))
# expect: TrainingLoop(step 300 of 300, cd, lr 0.1) true
# expect: TrainingLoop(step 300 of 300, exact, lr 0.1) true
# expect: TrainingLoop(step 300 of 300, pcd, lr 0.1) true
# expect: train: `method` must be "cd", "pcd" or "sampler", got "gibbs"
# expect: train: method "sampler" needs `sampler:`
# expect: train: `k` must be between 1 and 100000, got 0
# expect: train: the data has 6 values per row, the RBM has 5 visible units
