# Reads decoded without the logical Hamiltonian have no energies: energy members refuse
# with a hint instead of reporting zeros; decoded with H: they have the logical energies.
let emb = embedding([[0, 1], [2, 3]], complete(2), grid(1, 4))
let H = ising({0: 0.5, 1: -0.25}, {(0, 1): -1})
let P = embed(H, emb, chain_strength: 2)
let s = sample(P, exact(), reads: 200, seed: 1)
let bare = emb.decode(s)
print(bare)   # expect: SampleSet(200 reads, 200 rows, 2 variables, exact, no energies)
print(bare.first.energy, len(bare.states))   # expect: nil 200
print(bare.aggregate().size <= 4)   # expect: true
let full = emb.decode(s, H: H)
print(full.lowest.energy == sample(H, exact()).ground_energy)   # expect: true
print(abs(full.mean_energy - mean(map(full.states, |x| H.energy(x)))) < 1e-12)   # expect: true
try { save(bare, "/tmp/qrepl-golden-bare.json") } catch e { print(e.message) }
# expect: save: these samples were decoded from chains without the logical Hamiltonian, so they have no energies to write; decode with H: first
bare.mean_energy
# expect error: 16:6: `mean_energy` needs energies, and these samples were decoded from chains without the logical Hamiltonian
