# A 15-spin Sherrington-Kirkpatrick instance (Gaussian couplings, sigma = zeta / sqrt(N),
# as in the hardware-embedded Boltzmann machine paper) sampled at beta = 1 by every
# classical sampler and compared with the exact Boltzmann distribution: the KL divergence
# and total-variation distance of each empirical distribution from the exact one.
#
# quick: --quick
# Run: qrepl examples/sk_samplers.qml [reads] [--quick]

let given = filter(args, |a| not starts_with(a, "--"))
let reads = if len(given) > 0 { int(given[0]) } else if contains(args, "--quick") { 1000 } else { 20000 }
let H = sk(15, zeta: 2, seed: 1)
let exact_set = sample(H, exact(beta: 1.0), reads: reads, seed: 2)
print("SK N = 15, zeta = 2: ground energy {format(exact_set.ground_energy, 4)}, log Z = {format(exact_set.log_z, 4)}")
print("With {reads} reads over 2^15 states even exact samples have KL > 0: the exact row is the floor")
print("that a correct sampler reaches, and larger values mean a biased sampler.")
print("")
print("sampler      KL(emp || exact)   TV      mean energy")
let samplers = [
    ("exact", exact(beta: 1.0)),
    ("gibbs", gibbs(sweeps: 200, beta: 1.0)),
    ("metropolis", metropolis(sweeps: 200, beta: 1.0)),
    ("sa, flat", sa(sweeps: 200, schedule: repeat(1.0, 200))),
    ("pt", pt(replicas: 8, betas: linspace(0.2, 1.0, 8), sweeps: 200)),
    ("pa", pa(population: reads, betas: linspace(0.0, 1.0, 21), sweeps: 5)),
]
for (name, sampler) in samplers {
    let s = sample(H, sampler, reads: reads, seed: 3)
    print("{pad_right(name, 12)} {pad_left(format(kl(s, exact_set), 4), 10)}   {pad_left(format(tv(s, exact_set), 4), 7)}   {format(s.mean_energy, 4)}")
    record("kl_" + replace(replace(name, ",", ""), " ", "_"), kl(s, exact_set))
}
