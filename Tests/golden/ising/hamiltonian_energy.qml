# Ising energies follow dimod: E = sum h s + sum J s s + offset; QUBO conversion keeps every energy
let H = ising(h: [0.5, 0, -0.25], J: {(0, 1): -1.0, (1, 2): 0.5}, offset: 1.0)
print(H.energy([1, 1, -1]))            # expect: 0.25
print(H.energy([-1, 1, 1]))            # expect: 1.75
print(H.energy({0: 1, 1: 1, 2: -1}))   # expect: 0.25
let Q = H.to_qubo()
print(Q.vartype, Q.energy([1, 1, 0]), Q.energy([0, 1, 1]))   # expect: binary 0.25 1.75
print(Q.to_ising().energy([1, 1, -1]))  # expect: 0.25
print(H.variables, H.h, H.J)            # expect: [0, 1, 2] {0: 0.5, 1: 0.0, 2: -0.25} {(0, 1): -1.0, (1, 2): 0.5}
print(H.degree)                          # expect: {0: 1, 1: 2, 2: 1}
