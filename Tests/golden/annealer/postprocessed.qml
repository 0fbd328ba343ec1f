# Sampling post-processing over the chains of an embedding: every chain comes back whole,
# and with many sweeps the decoded reads follow the logical Boltzmann distribution.
let chip = annealer(graph: chimera(2), noise: 0, bias: (h: 0, J: 0), sweeps: 16)
let emb = find_embedding(complete(5), chip.graph, seed: 1)
let K5 = random_ising(complete(5), seed: 3)
let P = embed(K5, emb, chain_strength: 1)
let hot = sample(P, chip, reads: 200, seed: 2)
print(max(emb.chain_break_fraction(hot)) > 0)
# expect: true
let pp = sample(P, postprocessed(chip, emb, sweeps: 1, beta: 2), reads: 200, seed: 2)
print(max(emb.chain_break_fraction(pp)), pp.info.postprocess, pp.info["postprocess.sweeps"])
# expect: 0.0 sampling 1
print(pp.info["postprocess.chain_break_fraction"] > 0)
# expect: true
let mixed = sample(P, postprocessed(sa(sweeps: 2, beta_range: (0.01, 0.1)), emb, sweeps: 50, beta: 1), reads: 20000, seed: 4)
print(kl(emb.decode(mixed), sample(K5, exact())) < 0.01)
# expect: true
let same = sample(P, postprocessed(chip, emb, sweeps: 3), reads: 50, seed: 7)
print(same.states == sample(P, postprocessed(chip, emb, sweeps: 3), reads: 50, seed: 7).states)
# expect: true
# Chains as lists of qubits; a qubit outside them is a chain of one.
let H = ising(h: {0: 0.5, 1: 0.5, 2: -1}, J: {(0, 1): -2, (1, 2): 0.3})
let two = sample(H, postprocessed(sa(sweeps: 1, beta_range: (0.01, 0.02)), [[0, 1]], sweeps: 1, beta: 1), reads: 400, seed: 1)
print(all(map(two.states, |s| s[0] == s[1])))
# expect: true
try { postprocessed(sa(), [[0, 1], [1, 2]]) } catch e { print(e.message) }
# expect: postprocessed: qubit 1 is in two chains; chains must not share qubits
try { postprocessed(sa(), [0, 1]) } catch e { print(e.message) }
# expect: postprocessed: `chains` must be an Embedding or a list of lists of qubits, got a list holding int
try { sample(H, postprocessed(sa(), [[0, 7]])) } catch e { print(e.message) }
# expect: sample: qubit 7 of chain 0 is not a variable of the problem; post-process with the chains of the embedding the problem was made with
postprocessed(sa(), emb, beta: 0)
# expect error: 32:1: postprocessed: beta must be a finite number greater than 0, got 0.0
