# population annealing estimates log Z; on 12 SK spins it is within 0.05 of exact enumeration
let H = sk(12, zeta: 1.5, seed: 8)
let exact_log_z = sample(H, exact(beta: 1.0), reads: 0).log_z
let p = sample(H, pa(population: 2000, betas: linspace(0, 1, 41), sweeps: 5), reads: 100, seed: 3)
print(abs(p.log_z - exact_log_z) < 0.05, p.info["beta"])   # expect: true 1.0
