# A Helmholtz machine saved as JSON and read back with load_model keeps every parameter,
# its layers, its visible kind and a physical prior's chains
let data = tensor([[1, 1, -1, -1], [-1, -1, 1, 1], [1, 1, 1, -1]])
let hm = helmholtz([4, 3, 2], visible: "tanh", seed: 2, scale: 0.1)
hm.fit(data, gibbs(sweeps: 5), epochs: 3, samples: 20, batch: 3, lr: 0.1, seed: 4)
let path = "/tmp/qrepl-golden-helmholtz-model.json"
hm.save(path)
let back = load_model(path)
print(back)   # expect: helmholtz(layers: [4, 3, 2], visible: "tanh", prior: 1 couplings)
let same = |a, b| (a - b).abs().max() == 0
print(same(back.generator[0].W, hm.generator[0].W), same(back.recognition[1].c, hm.recognition[1].c),
      same(back.prior_h, hm.prior_h), back.visible == hm.visible)   # expect: true true true true
print(same(back.sample(4, gibbs(sweeps: 5), seed: 9), hm.sample(4, gibbs(sweeps: 5), seed: 9)))   # expect: true
let emb = clique_embedding(3, chimera(1))
let phys = helmholtz([4, 3], prior: emb, seed: 1)
phys.save(path)
let p2 = load_model(path)
print(p2, same(p2.prior_J, phys.prior_J))   # expect: helmholtz(layers: [4, 3], visible: "spin", prior: 6 qubits, 9 couplers) true
fn message(f) { try { f(); "no error" } catch e { e.message } }
print(message(|| hm.save("/nonexistent-dir/m.json")))
# expect: save: cannot write /nonexistent-dir/m.json: directory /nonexistent-dir does not exist
