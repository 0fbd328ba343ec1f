# a heuristic embedding verifies, is the same for the same seed, and reports its size
let emb = find_embedding(complete(4), grid(4, 4), seed: 1, tries: 2)
print(type(emb), emb.verify())                              # expect: Embedding true
print(len(emb.chains), emb.source.name, emb.target.name)    # expect: 4 complete(4) grid(4, 4)
print(emb.qubits == len(emb.qubit_labels))                  # expect: true
print(emb.min_chain >= 1, emb.max_chain <= emb.qubits)      # expect: true true
let again = find_embedding(complete(4), grid(4, 4), seed: 1, tries: 2)
print(again.chains == emb.chains)                           # expect: true
# a Hamiltonian's couplings can be the source graph
let H = ising({}, {(0, 1): 1, (1, 2): -1, (2, 0): 1, (2, 3): 1})
print(find_embedding(H, grid(3, 3), seed: 2).verify())      # expect: true
# K5 is not planar, so no grid holds it as a minor
find_embedding(complete(5), grid(5, 5), tries: 2, seed: 1)
# expect error: 13:1: find_embedding: no embedding found in 2 tries
