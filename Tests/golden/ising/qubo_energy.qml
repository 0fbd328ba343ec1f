# a QUBO's diagonal entries are linear terms; E(x) = sum Q_ij x_i x_j + offset
let Q = qubo({(0, 0): -1.0, (0, 1): 2.0, (1, 1): -1.0}, offset: 0.5)
print(Q.energy([0, 0]), Q.energy([1, 0]), Q.energy([0, 1]), Q.energy([1, 1]))  # expect: 0.5 -0.5 -0.5 0.5
let I = Q.to_ising()
print(I.energy([-1, -1]), I.energy([1, -1]), I.energy([-1, 1]), I.energy([1, 1]))  # expect: 0.5 -0.5 -0.5 0.5
print(I.h, I.J, I.offset)   # expect: {0: 0.0, 1: 0.0} {(0, 1): 0.5} 0.0
