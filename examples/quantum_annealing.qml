# The annealer simulator's quantum parts: a D-Wave-style schedule, the quantum Boltzmann
# state of a small frustrated model (path-integral qbm against exact_quantum as the number
# of Trotter slices grows), a forward anneal with sqa, and a reverse anneal from a ground
# state.
#
# quick: --quick
# Run: qrepl examples/quantum_annealing.qml [reads] [--quick]

let given = filter(args, |a| not starts_with(a, "--"))
let reads = if len(given) > 0 { int(given[0]) } else if contains(args, "--quick") { 1000 } else { 20000 }

let dw = schedule("dw2000q")
print(dw)
plot(dw)
print("A = B near s = 0.405: A(0.405) = {format(dw.a(0.405), 3)} GHz, B(0.405) = {format(dw.b(0.405), 3)} GHz")
print("")

# 8 spins on a ring with one antiferromagnetic bond (frustrated) and small fields.
let H = ising(h: [0.2, -0.1, 0.0, 0.3, -0.2, 0.1, 0.0, -0.3],
              J: {(0, 1): -1, (1, 2): -1, (2, 3): -1, (3, 4): 1, (4, 5): -1, (5, 6): -1, (6, 7): -1, (0, 7): -1})
let gamma = 0.8
let beta = 2.0
let reference = sample(H, exact_quantum(gamma: gamma, beta: beta), reads: reads, seed: 1)
print("exact quantum state at gamma = {gamma}, beta = {beta}: log Z = {format(reference.log_z, 4)}, E0 = {format(reference.info.quantum_ground_energy, 4)}")
print("classical Boltzmann state at the same beta is KL {format(kl(sample(H, exact(beta: beta), reads: reads, seed: 1), reference), 4)} away")
print("exact draws ({reads} reads) are KL {format(kl(reference, reference), 4)} away: the floor for this many reads")
print("")
print("trotter   KL(qbm || exact_quantum)")
for p in [2, 4, 8, 16] {
    let s = sample(H, qbm(gamma: gamma, beta: beta, trotter: p, sweeps: 100), reads: reads, seed: 2)
    print("{pad_left(str(p), 7)}   {format(kl(s, reference), 4)}")
    record("kl_trotter_{p}", kl(s, reference))
}
print("")

let forward = sample(H, sqa(schedule: dw, trotter: 16, sweeps: 500, readout: "best"), reads: 64, seed: 3)
print("sqa on dw2000q at 12 mK: lowest {forward.lowest.energy} (ground {reference.ground_energy}), mean {format(forward.mean_energy, 3)}")
let ground = reference.ground_states[0]
let back = sample(H, sqa(schedule: dw.reverse(0.6, pause: 0.5), trotter: 16, sweeps: 300), reads: 64, seed: 4, initial: ground)
let stayed = len(filter(back.states, |row| row == ground))
print("reverse anneal to s = 0.6 from a ground state: {stayed} of 64 reads end where they started")
