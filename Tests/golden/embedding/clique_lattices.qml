# native clique layouts in Pegasus and Zephyr: one horizontal and one vertical run per chain
let p = clique_embedding(36, pegasus(4))
print(p.verify(), p.qubits, p.min_chain, p.max_chain)  # expect: true 156 4 5
let big = clique_embedding(100, pegasus(16))
print(big.verify(), big.qubits, big.min_chain, big.max_chain)  # expect: true 968 9 10
let z = clique_embedding(56, zephyr(4))
print(z.verify(), z.qubits, z.min_chain, z.max_chain)  # expect: true 280 5 5
let z12 = clique_embedding(184, zephyr(12))
print(z12.verify(), z12.qubits, z12.min_chain, z12.max_chain)  # expect: true 2392 13 13
print(clique_embedding(4, zephyr(1, 2)).chains)  # expect: [[16, 7], [17, 6], [18, 5], [19, 4]]
# dead qubits: a layout that avoids them, or mended chains; the result verifies
let chip = dead_qubits(pegasus(6), 10, seed: 1)
let d = clique_embedding(40, chip)
print(d.verify(), d.max_chain <= 7)  # expect: true true
let zd = clique_embedding(56, dead_qubits(zephyr(4), 5, seed: 1))
print(zd.verify(), len(zd.chains))  # expect: true 56
print(try { clique_embedding(37, pegasus(4)) } catch e { e.message })
# expect: clique_embedding: K37 is larger than the largest native clique of pegasus(4), K36
clique_embedding(57, zephyr(4))
# expect error: 19:1: clique_embedding: K57 is larger than the largest native clique of zephyr(4), K56
