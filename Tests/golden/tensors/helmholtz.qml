# Helmholtz machines trained by wake-sleep with the prior sampled by a sampler
let data = tensor([[1, 1, -1, -1], [1, 1, -1, -1], [-1, -1, 1, 1], [-1, -1, 1, 1], [1, 1, 1, -1]])
let hm = helmholtz([4, 3, 2], seed: 2, scale: 0.1)
print(hm, type(hm), hm.layers, hm.visible, hm.prior)
let before = hm.bound(data)
print(before.bound <= before.loglik)
let h = hm.fit(data, exact(), epochs: 400, lr: 0.05, samples: 200, seed: 3, every: 100)
print(h.epoch, h.steps, h.bound[-1] > before.bound + 0.5, h.bound[-1] <= hm.bound(data).loglik)
print(hm.sample(6, exact(), seed: 1).shape, hm.recognize(data, seed: 1).shape)
print(hm.generator[0].W.shape, hm.recognition[1].W.shape, hm.prior_h.shape)
let big = helmholtz([64 + 10, 120, 60], prior: complete(60), visible: "tanh", seed: 1)
print(big, big.sample(3, gibbs(sweeps: 10), seed: 1).shape)
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| helmholtz([4])))
print(message(|| helmholtz([4, 3], visible: "gauss")))
print(message(|| helmholtz([4, 3], prior: complete(4))))
print(message(|| big.bound(tensor([[0]]))))
print(message(|| hm.fit(data, exact(), samples: 0)))
# expect: helmholtz(layers: [4, 3, 2], visible: "spin", prior: 1 couplings) Model [4, 3, 2] spin Hamiltonian(spin, 2 variables, 1 interactions)
# expect: true
# expect: [100, 200, 300, 400] 400 true true
# expect: (6, 4) (5, 2)
# expect: (3, 4) (3, 2) (2,)
# expect: helmholtz(layers: [74, 120, 60], visible: "tanh", prior: 1770 couplings) (3, 74)
# expect: helmholtz: a Helmholtz machine needs a visible and at least one hidden layer, got [4]
# expect: helmholtz: `visible` must be "spin" or "tanh", got "gauss"
# expect: helmholtz: prior edge (0, 3) is not a pair of distinct units of the deepest layer (0..<3)
# expect: bound: the exact bound needs stochastic (spin) visible units
# expect: fit: `samples` must be between 1 and 10000000, got 0
