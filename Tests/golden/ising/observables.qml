# observables of states, series and sample sets
print(overlap([1, 1, -1, -1], [1, -1, -1, 1]), overlap([1, -1], [1, -1]))   # expect: 0.0 1.0
let H = ferromagnet(cycle(6))
let ex = sample(H, exact(beta: 1.0), reads: 20000, seed: 1)
print(kl(ex, ex) < 0.01, tv(ex, ex) < 0.03)      # expect: true true
let g = sample(H, gibbs(sweeps: 50, beta: 1.0), reads: 20000, seed: 2)
print(kl(g, ex) < 0.01, tv(g, ex) < 0.03)        # expect: true true
print(binder(sample(H, greedy(), reads: 10, seed: 1, initial: [1, 1, 1, 1, 1, 1])))   # expect: 0.6666666666666667
let h = energy_histogram(g, bins: 4)
print(len(h.edges), sum(h.counts))               # expect: 5 20000.0
let q = overlaps(sample(H, greedy(), reads: 8, seed: 3, initial: [1, 1, 1, 1, 1, 1]))
print(len(q.edges) == len(q.counts) + 1, sum(q.counts) > 0)   # expect: true true
let alternating = map(0..<200, |i| if i % 2 == 0 { 1.0 } else { -1.0 })
print(autocorrelation_time(map(0..<200, |i| float(i % 7))) > 0, ess(alternating) > 100)   # expect: true true
