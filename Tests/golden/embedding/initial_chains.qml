# find_embedding starts from given chains: valid ones come back no larger, broken ones are repaired
let chip = chimera(4)
let start = clique_embedding(8, chip)
let kept = find_embedding(complete(8), chip, initial_chains: start.chains, seed: 1, tries: 2)
print(kept.verify(), kept.qubits <= start.qubits)           # expect: true true
let partial = find_embedding(complete(8), chip, initial_chains: {0: [0, 4], 1: [1, 5]}, seed: 1, tries: 2)
print(partial.verify())                                     # expect: true
let again = find_embedding(complete(8), chip, initial_chains: start, seed: 1, tries: 2)
print(again.verify(), again.chains == kept.chains)          # expect: true true
# a complete graph on a whole Chimera gets the native clique layout
let big = find_embedding(complete(60), chimera(16), seed: 1)
print(big.qubits, big.max_chain, big.min_chain)            # expect: 960 16 16
find_embedding(complete(3), chip, initial_chains: [[0], [1]])
# expect error: 13:1: find_embedding: `initial_chains` has 2 chains but the source graph has 3 nodes
