# A physical prior learned through a spin-reversal composite over an annealer is kept inside
# the device's ranges (the composite programs the same device), so a large learning rate
# never asks the annealer for a coupling outside j_range
let data = tensor([[1, 1, -1, -1], [-1, -1, 1, 1], [1, -1, 1, -1]])
let qpu = annealer("dw2000q", auto_scale: false)
let emb = clique_embedding(4, qpu.graph)
let hm = helmholtz([4, 4], prior: emb, seed: 1, scale: 0.5)
let loop = train(hm, data, sampler: spin_reversal(qpu, transforms: 2), reads: 20, lr: 3, steps: 6, seed: 1)
loop.run()
print(loop.step, hm.prior_J.min() >= -1, hm.prior_J.max() <= 1, hm.prior_h.abs().max() <= 2)   # expect: 6 true true true
print(hm.prior_J.min())   # expect: -1.0
