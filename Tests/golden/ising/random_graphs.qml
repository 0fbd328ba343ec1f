# random graph families are reproducible for a seed and have the promised structure
let r = random_regular(10, 3, seed: 4)
print(len(r.edges), all(map(r.nodes, |v| r.degree(v) == 3)))   # expect: 15 true
print(random_regular(10, 3, seed: 4) == r)                      # expect: true
let e = erdos_renyi(30, 0.0, seed: 1)
print(len(e.edges))                                              # expect: 0
print(len(erdos_renyi(8, 1.0, seed: 1).edges))                  # expect: 28
print(erdos_renyi(20, 0.3, seed: 9) == erdos_renyi(20, 0.3, seed: 9))  # expect: true
