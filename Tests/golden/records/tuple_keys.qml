# tuples can be keys, as in a coupling map J
let J = {(0, 1): -1.0, (1, 2): 0.5}
print(J[(0, 1)])  # expect: -1.0
print(J)  # expect: {(0, 1): -1.0, (1, 2): 0.5}
