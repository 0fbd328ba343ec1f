# sample sets: rows, aggregation, lowest, counts and energies agree with the Hamiltonian
let H = ising(J: {(0, 1): 1.0, (1, 2): 1.0, (0, 2): 1.0})
let s = sample(H, exact(), reads: 600, seed: 4)
print(s.size, s.reads, len(s.states[0]))          # expect: 600 600 3
let a = s.aggregate()
print(a.reads, a.size <= 8, sum(a.counts))         # expect: 600 true 600
print(a[0].energy, a.lowest.energy)                # expect: -1.0 -1.0
print(all(map(s, |row| H.energy(row.state) == row.energy)))   # expect: true
print(s[0].sample == from_pairs(zip(H.variables, s[0].state)))  # expect: true
let g = sample(H, greedy(), reads: 20, seed: 1)
print(all(map(g.energies, |e| e == -1.0)))         # expect: true
