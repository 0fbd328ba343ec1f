# metropolis, parallel tempering, population annealing and MCMC traces
let H = sk(10, seed: 7)
for sampler in [metropolis(sweeps: 20), pt(replicas: 4, sweeps: 20), pa(population: 100, sweeps: 2)] {
    let s = sample(H, sampler, reads: 12, seed: 1)
    print(s.info["sampler"], s.size, all(map(s, |row| H.energy(row.state) == row.energy)))
}
# expect: metropolis 12 true
# expect: pt 12 true
# expect: pa 12 true
let c = chain(H, gibbs(sweeps: 30, thin: 3), seed: 4)
print(c.size, chain(H, gibbs(sweeps: 30, thin: 3), seed: 4).states == c.states)   # expect: 10 true
