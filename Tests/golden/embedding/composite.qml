# the embedded composite samples a logical Hamiltonian through an embedding
let emb = embedding({0: [0, 3], 1: [1], 2: [2, 4, 5]}, complete(3), grid(2, 3))
let H = ising({0: 0.5}, {(0, 1): 1.0, (1, 2): -1.0, (0, 2): 0.5})
let s = sample(H, embedded(sa(sweeps: 200), emb), reads: 100, seed: 1)
print(s.variables, s.reads)                             # expect: [0, 1, 2] 100
print(s.lowest.energy == sample(H, exact(), reads: 1, seed: 1).ground_energy)  # expect: true
print(s.info.sampler, s.info.inner_sampler, s.info.qubits)  # expect: embedded sa 6
print(s.info.chain_break_fraction <= 1.0, len(s.info.chain_break_fractions))  # expect: true 100
let again = sample(H, embedded(sa(sweeps: 200), emb), reads: 100, seed: 1)
print(again.states == s.states)                         # expect: true
# a weak chain strength breaks chains; discarding drops those reads
let weak = sample(H, embedded(gibbs(sweeps: 50, beta: 0.1), emb, chain_strength: 0.01, decode: "discard"), reads: 200, seed: 4)
print(weak.reads < 200, weak.info.discarded + weak.reads)  # expect: true 200
print(embedded(sa(), emb))                              # expect: embedded(sampler: sa, qubits: 6, max_chain: 3, chain_strength: auto, decode: majority)
embedded(sa(), emb, decode: "vote")
# expect error: 15:1: embedded: `decode` must be "majority", "discard", "weighted" or "minimize_energy", got "vote"
