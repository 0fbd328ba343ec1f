# assigning through a tuple key adds or changes an entry
var J = {(0, 1): -1.0}
J[(1, 2)] = 0.25
J[(0, 1)] = 1.0
print(J)  # expect: {(0, 1): 1.0, (1, 2): 0.25}
