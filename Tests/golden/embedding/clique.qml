# native clique layouts in Chimera: chains of equal length, placed around dead qubits
let chip = dead_qubits(chimera(12), 55, seed: 1)
let nat = clique_embedding(15, chip)
print(nat.verify(), nat.qubits, nat.max_chain, nat.min_chain)  # expect: true 75 5 5
let big = clique_embedding(60, chimera(16))
print(big.verify(), big.qubits, big.max_chain, big.min_chain)  # expect: true 960 16 16
print(clique_embedding(4, chimera(2)).chains)           # expect: [[4, 0], [5, 1], [6, 2], [7, 3]]
print(try { clique_embedding(10, grid(3, 3)) } catch e { e.message })
# expect: clique_embedding: `target` must be a Chimera, Pegasus or Zephyr graph (from chimera(...), pegasus(...) or zephyr(...), possibly with dead qubits), got grid(3, 3)
clique_embedding(65, chimera(16))
# expect error: 10:1: clique_embedding: K65 is larger than the largest native clique of chimera(16, 16, 4), K64
