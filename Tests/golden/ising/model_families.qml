# ferromagnets, random Ising models and SK instances
let F = ferromagnet(cycle(4))
print(F.energy([1, 1, 1, 1]), F.energy([1, -1, 1, -1]))   # expect: -4.0 4.0
let R = random_ising(complete(4), J: [-1, 1], seed: 3)
print(len(R.J), all(map(values(R.J), |j| j == -1.0 or j == 1.0)), all(map(values(R.h), |h| h == 0.0)))  # expect: 6 true true
print(random_ising(complete(4), seed: 3) == R)             # expect: true
let U = random_ising(grid(2, 2), h: (-0.5, 0.5), J: (0.25, 0.75), seed: 1)
print(all(map(values(U.h), |h| h >= -0.5 and h < 0.5)), all(map(values(U.J), |j| j >= 0.25 and j < 0.75)))  # expect: true true
let S = sk(20, zeta: 2, seed: 1)
print(len(S.variables), len(S.J), all(map(values(S.h), |h| h == 0.0)))  # expect: 20 190 true
print(sk(20, zeta: 2, seed: 1) == S, sk(20, zeta: 2, seed: 2) == S)   # expect: true false
