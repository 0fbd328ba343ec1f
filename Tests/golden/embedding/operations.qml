# the replica map, majority decoding and chain breaks on a hand-made embedding of K3
# into a 2 x 3 grid (node r * 3 + c): chains {0, 3}, {1}, {2, 4, 5}
let emb = embedding({0: [0, 3], 1: [1], 2: [2, 4, 5]}, complete(3), grid(2, 3))
print(emb.verify(), emb.qubits, emb.max_chain, emb.min_chain)  # expect: true 6 3 1
print(emb.chains)                                       # expect: [[0, 3], [1], [2, 4, 5]]
print(emb.qubit_labels)                                 # expect: [0, 1, 2, 3, 4, 5]
print(emb.encode([1, -1, 1]))                           # expect: [1, -1, 1, 1, 1, 1]
print(emb.encode({0: 0, 1: 1, 2: 0}))                   # expect: [0, 1, 0, 0, 0, 0]
print(emb.encode([[1, 1, -1], [-1, -1, 1]]))            # expect: [[1, 1, -1, 1, -1, -1], [-1, -1, 1, -1, 1, 1]]
# an embedded Hamiltonian keeps the logical energy on intact chains
let H = ising({0: 0.5}, {(0, 1): 1.0, (1, 2): -1.0, (0, 2): 0.5})
let P = embed(H, emb, chain_strength: 2)
print(P)                                                # expect: Hamiltonian(spin, 6 variables, 7 interactions)
print(P.energy(emb.encode([1, -1, 1])), H.energy([1, -1, 1]))  # expect: 1.0 1.0
# its exact ground state decodes to the logical ground state
let ground = sample(P, exact(), reads: 1, seed: 1).ground_states
let logical = sample(H, exact(), reads: 1, seed: 1).ground_states
print(len(ground), emb.decode(sample(P, exact(beta: 50), reads: 20, seed: 2), H: H).lowest.state == logical[0])  # expect: 1 true
# broken chains: qubit 3 disagrees with 0 (a tie), qubit 5 with 2 and 4 (two to one);
# greedy descent on a model without biases keeps its starting states
let flat = ising({0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0}, {})
let broken = sample(flat, greedy(), reads: 2, seed: 1, initial: [[1, 1, 1, -1, 1, -1], [1, 1, 1, 1, 1, 1]])
print(emb.chain_break_fraction(broken))                 # expect: [0.6666666666666666, 0.0]
print(emb.chain_break_fraction(broken, per: "chain"))   # expect: [0.5, 0.0, 0.5]
print(emb.decode(broken, method: "discard").states)     # expect: [[1, 1, 1]]
print(emb.decode(broken).states[0][1], emb.decode(broken).states[0][2])  # expect: 1 1
# the tie is settled by a seeded coin: the same seed gives the same value, and both occur
let votes = map(0..<40, |k| emb.decode(broken, seed: k).states[0][0])
print(votes == map(0..<40, |k| emb.decode(broken, seed: k).states[0][0]))  # expect: true
print(contains(votes, 1), contains(votes, -1))         # expect: true true
print(unembed(broken, emb, method: "weighted", seed: 3).variables)  # expect: [0, 1, 2]
# minimize_energy needs the logical Hamiltonian
emb.decode(broken, method: "minimize_energy")
# expect error: 33:1: decode: minimize_energy needs the logical Hamiltonian
