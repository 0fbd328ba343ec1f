# The D-Wave processor graphs: Chimera (D-Wave 2X, 2000Q), Pegasus (Advantage) and Zephyr
# (Advantage2), numbered as D-Wave numbers its qubits, with a few qubits lost to
# calibration and the graph drawn cell by cell.
#
# The sizes printed here are the published ones: C(m) has 8m^2 qubits, P(16) 5640 qubits
# and 40484 couplers, Z(m) 16m(2m + 1). A random spin glass on the working qubits of a
# small Chimera graph is then annealed; on hardware this is the native problem class.
#
# quick:
# Run: qrepl examples/hardware_graphs.qml

for g in [chimera(12), chimera(16), pegasus(16), zephyr(12)] {
    let degrees = map(g.nodes, |q| g.degree(q))
    print("{g.name}: {len(g.nodes)} qubits, {len(g.edges)} couplers, degree up to {max(degrees)}")
}

# Qubit 151 of chimera(16) sits in unit cell (1, 2), on the horizontal shore.
print("chimera(16) qubit 151 has coordinates (i, j, u, k) = {chimera(16).coordinates(151)}")

# A processor with some dead qubits: the same ones for the same seed.
let chip = dead_qubits(chimera(4), 5, seed: 3)
print("dead qubits: {chip.dead}")
draw(chip, title: "chimera(4) with 5 dead qubits")

# A +-1 spin glass on the working qubits, annealed.
let H = random_ising(chip, seed: 2)
let s = sample(H, sa(sweeps: 300), reads: 8, seed: 4)
print("lowest energy of {len(chip.nodes)} spins: {s.lowest.energy}")
record("working_qubits", len(chip.nodes))
