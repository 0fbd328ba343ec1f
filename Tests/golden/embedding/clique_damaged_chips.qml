# Native cliques on the damaged presets: the broken chains are re-routed from two starts and
# the embedding with the shorter longest chain (then fewer qubits) is kept
let k60 = clique_embedding(60, annealer("dw2000q").graph)
print(k60.verify(), k60.max_chain, k60.qubits)   # expect: true 21 1009
let k42 = clique_embedding(42, annealer("dw2x").graph)
print(k42.verify(), k42.max_chain, k42.qubits)   # expect: true 22 617
