# A physical prior's chains can be read by majority vote (eq. 21, the default), by a
# weighted vote, or by the lower prior energy; the choice is kept by save / load_model
let qpu = annealer("dw2000q", auto_scale: false)
let emb = clique_embedding(4, qpu.graph)
let data = tensor([[1, 1, -1, -1], [-1, -1, 1, 1], [1, -1, 1, -1]])
let hm = helmholtz([4, 4], prior: emb, seed: 1, scale: 0.5, decode: "minimize_energy")
let loop = train(hm, data, sampler: qpu, reads: 20, lr: 0.5, steps: 3, seed: 1)
loop.run()
print(loop.step, hm.sample(5, qpu, seed: 2).shape)   # expect: 3 (5, 4)
hm.save("/tmp/qrepl-golden-readout.json")
let again = load_model("/tmp/qrepl-golden-readout.json")
print(again.prior_J.to_list() == hm.prior_J.to_list())   # expect: true
print(hm.sample(5, qpu, seed: 2, decode: "discard").shape)   # expect: (5, 4)
try { hm.sample(5, qpu, decode: "vote") } catch e { print(e.message) }
# expect: sample: `decode` must be "majority", "discard", "weighted" or "minimize_energy", got "vote"
helmholtz([4, 4], prior: emb, decode: "discard")
# expect error: 16:1: helmholtz: `decode` must be "majority", "weighted" or "minimize_energy", got "discard"
