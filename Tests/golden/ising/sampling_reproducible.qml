# samplers are reproducible for a seed and independent of the thread count
let H = sk(12, seed: 3)
for name in ["gibbs", "sa", "greedy"] {
    let sampler = if name == "gibbs" { gibbs(sweeps: 20) } else if name == "sa" { sa(sweeps: 50) } else { greedy() }
    let a = sample(H, sampler, reads: 16, seed: 5, threads: 1)
    let b = sample(H, sampler, reads: 16, seed: 5, threads: 2)
    let c = sample(H, sampler, reads: 16, seed: 6, threads: 1)
    print(name, a.states == b.states, a.energies == b.energies, a.states == c.states)
}
# expect: gibbs true true false
# expect: sa true true false
# expect: greedy true true false
