# The exact quantum Gibbs state: closed forms, the classical limit, draws and kl.
let one = ising(h: [0.3])
let x = sample(one, exact_quantum(gamma: 0.7, beta: 1.3), reads: 10, seed: 1)
let w = sqrt(0.3 * 0.3 + 0.7 * 0.7)
print(abs(x.log_z - log(exp(1.3 * w) + exp(-1.3 * w))) < 1e-12)
# expect: true
print(round(x.magnetization[0], digits: 6))
# expect: -0.298348
let H = ising(h: [0.1, -0.2, 0.3, 0, 0.5, -0.1], J: {(0, 1): -1, (1, 2): 0.5, (2, 3): -0.7, (3, 4): 1, (4, 5): -0.3, (0, 5): 0.4})
let c = sample(H, exact(beta: 1.0))
let q0 = sample(H, exact_quantum(gamma: 0, beta: 1.0))
print(abs(c.log_z - q0.log_z) < 1e-12, abs(q0.ground_energy - c.ground_energy) < 1e-12, q0.ground_states == c.ground_states)
# expect: true true true
let q = sample(H, exact(gamma: 0.8, beta: 1.0), reads: 20000, seed: 2)
print(q.info.sampler, round(q.log_z, digits: 6), round(q.info.quantum_ground_energy, digits: 6))
# expect: exact_quantum 6.992529 -5.875441
print(kl(q, q) < 0.01, kl(q, c) > 0.05)
# expect: true true
try { sample(ising(h: map(0..<13, |i| 0.1)), exact_quantum(gamma: 1)) } catch e { print(e.message) }
# expect: sample: exact_quantum is limited to 12 spins (a 4096 × 4096 Hamiltonian); this model has 13
try { exact_quantum(gamma: -1) } catch e { print(e.message) }
# expect: exact_quantum: gamma must be a finite number not below 0, got -1.0
