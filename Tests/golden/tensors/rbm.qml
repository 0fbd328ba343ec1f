# restricted Boltzmann machines: exact log-likelihood, training, AIS, sampling, classification
let data = tensor([[1, 1, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1],
                   [0, 0, 0, 1, 1, 1], [1, 1, 0, 0, 0, 0], [1, 0, 1, 0, 1, 0]])
let m = rbm(6, 4, seed: 3)
print(m, type(m), m.W.shape, m.b.shape, m.c.shape)
print(round(m.loglik(data), digits: 3), round(-6 * log(2), digits: 3))
let h = m.fit(data, method: "cd", k: 1, epochs: 300, batch: 7, lr: 0.1, momentum: 0.5, seed: 7, every: 100)
print(h.epoch, h.method, h.steps, h.loglik[-1] > h.loglik[0], h.loglik[-1] > -2.2)
# the exact log Z agrees with exact enumeration of the machine's QUBO form
let H = m.ising()
print(H, abs(m.log_z - sample(H, exact(), reads: 0).log_z) < 1e-9)
print(abs(H.energy([1, 0, 1, 0, 1, 0, 1, 1, 0, 0]) - m.energy([1, 0, 1, 0, 1, 0], [1, 1, 0, 0])) < 1e-9)
# annealed importance sampling lands within 0.1 nats of the exact value
let z = ais(m, chains: 100, betas: 2000, seed: 1)
print(abs(z.log_z - m.log_z) < 0.1, z.stderr < 0.1, z.chains, z.betas)
print(abs(m.loglik(data, log_z: z) - m.loglik(data)) < 0.1)
# a free energy is -log of an unnormalised marginal: p(v) = exp(-F(v) - log Z)
let p = map(m.free_energy(data), |f| exp(-f - m.log_z))
print(round(log(p[0]), digits: 6) == round(m.loglik(data[0..<1]), digits: 6))
print(m.transform(data).shape, m.reconstruct(data[0]).shape, m.sample(5, seed: 1).shape, m.sample(4, exact(), seed: 2).shape)
print(m.sample(5, seed: 1) == m.sample(5, seed: 1))
# the sampler-driven negative phase: exact Boltzmann samples of the QUBO form
let q = rbm(6, 4, seed: 3)
let hq = q.fit(data, method: "sampler", sampler: exact(), reads: 100, epochs: 300, batch: 7, lr: 0.1, momentum: 0.5, seed: 7, every: 300)
print(hq.loglik[0] > -2.0)
# spin units
let s = rbm(5, 3, units: "spin", seed: 1, scale: 0.5)
print(s, s.ising(), abs(s.log_z - sample(s.ising(), exact(), reads: 0).log_z) < 1e-9)
# classification from free energies with a one-hot label block
let c = rbm(4 + 2, 8, labels: 2, seed: 1)
let xy = tensor([[1, 1, 0, 0, 1, 0], [0, 0, 1, 1, 0, 1], [1, 0, 0, 0, 1, 0], [0, 0, 0, 1, 0, 1]])
c.fit(xy, epochs: 300, batch: 4, lr: 0.1, seed: 1)
print(classify(c, tensor([[1, 1, 0, 0], [0, 0, 1, 1]])), c.classify(tensor([1, 0, 0, 0])))
print(abs(c.probabilities(tensor([1, 1, 0, 0])).sum() - 1) < 1e-6)
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| rbm(0, 3)))
print(message(|| rbm(3, 3, units: "gauss")))
print(message(|| m.fit(data, method: "gibbs")))
print(message(|| m.fit(data, k: 0)))
print(message(|| m.fit(data, lr: -0.1)))
print(message(|| m.fit(data, momentum: 1.2)))
print(message(|| m.fit(data, method: "sampler")))
print(message(|| m.fit(tensor([[1, 0, 1]]))))
print(message(|| rbm(30, 30).log_z))
print(message(|| m.classify(data)))
print(message(|| ais(m, chains: 0)))
print(m.free_energy(tensor([1, -1, 1, -1, 1, -1])) == m.free_energy(tensor([1, 0, 1, 0, 1, 0])))
print(message(|| m.free_energy(tensor([2, 0, 0, 0, 0, 0]))))
# expect: rbm(6, 4) Model (6, 4) (6,) (4,)
# expect: -4.16 -4.159
# expect: [100, 200, 300] cd 300 true true
# expect: Hamiltonian(binary, 10 variables, 24 interactions) true
# expect: true
# expect: true true 100 2000
# expect: true
# expect: true
# expect: (7, 4) (6,) (5, 6) (4, 6)
# expect: true
# expect: true
# expect: rbm(5, 3, units: "spin") Hamiltonian(spin, 8 variables, 15 interactions) true
# expect: [0, 1] 0
# expect: true
# expect: rbm: an RBM needs between 1 and 1000000 visible and hidden units, got (0, 3)
# expect: rbm: `units` must be "bernoulli" or "spin", got "gauss"
# expect: fit: `method` must be "cd", "pcd" or "sampler", got "gibbs"
# expect: fit: `k` must be between 1 and 100000, got 0
# expect: fit: `lr` must be a positive number or a schedule, got -0.1
# expect: fit: `momentum` must be in [0, 1), got 1.2
# expect: fit: method "sampler" needs `sampler:`
# expect: fit: `data` has shape (1, 3): rows of 3 values, but the model needs 6
# expect: log_z is exact only when a layer has at most 20 units (this RBM is 30 x 30)
# expect: classify: this RBM has no label block: make it with `labels:` (the number of classes)
# expect: ais: `chains` must be between 1 and 1000000, got 0
# expect: true
# expect: free_energy: `v`: RBM data must be in [0, 1] or ±1, found values from 0.0 to 2.0
