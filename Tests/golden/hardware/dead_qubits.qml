# dead qubits are chosen by the seed and remembered by the graph
let g = dead_qubits(chimera(4), 3, seed: 7)
print(g)                                   # expect: Graph(125 nodes, 336 edges: chimera(4) with 3 dead qubits)
print(g.dead)                              # expect: [36, 89, 107]
print(dead_qubits(chimera(4), 3, seed: 7).dead == g.dead)   # expect: true
print(dead_qubits(g, 2, seed: 1).dead[0..<3])               # expect: [36, 89, 107]
print(g.topology.family)                   # expect: chimera
let h = chimera(1).without(edges: [(0, 4), (1, 5)])
print(h.nodes == chimera(1).nodes, len(h.edges))            # expect: true 14
print(try { g.coordinates(36) } catch e { e.message })      # expect: coordinates: qubit 36 was removed from chimera(4) with 3 dead qubits
print(try { g.coordinates(500) } catch e { e.message })     # expect: coordinates: chimera(4) with 3 dead qubits has no node 500 (labels run from 0 to 127)
print(try { cycle(4).coordinates(0) } catch e { e.message }) # expect: coordinates: cycle(4) has no coordinates
print(try { dead_qubits(chimera(1), 9) } catch e { e.message })  # expect: dead_qubits: cannot remove 9 qubits from a graph of 8
print(try { chimera(1).without(edges: [(0, 1)]) } catch e { e.message })  # expect: without: the graph has no edge (0, 1)
