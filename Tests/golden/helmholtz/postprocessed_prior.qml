# A physical prior sampled through the 2000Q's sampling post-processing: the device's broken
# chains are mended before training sees them, and the history still reports how many
# the device broke; without post-processing the reads train as they come.
let qpu = annealer("dw2000q", auto_scale: false, temperature: 200mK)
let emb = clique_embedding(6, qpu.graph)
let data = tensor([[1, 1, -1, -1], [-1, -1, 1, 1], [1, -1, 1, -1]])
let hm = helmholtz([4, 6], prior: emb, seed: 1, scale: 0.5)
let mended = postprocessed(qpu, emb, sweeps: 2, beta: 1)
let loop = train(hm, data, sampler: mended, reads: 50, lr: 0.1, steps: 4, seed: 1)
loop.run()
print(min(loop.history.chain_breaks) > 0)   # expect: true
let z = sample(hm.prior, mended, reads: 50, seed: 3)
print(max(emb.chain_break_fraction(z)))   # expect: 0.0
print(max(emb.chain_break_fraction(sample(hm.prior, qpu, reads: 50, seed: 3))) > 0)   # expect: true
print(hm.sample(5, mended, seed: 2).shape)   # expect: (5, 4)
