# keys of a record with tuple keys are tuples
print(keys({(0, 1): -1.0, (1, 2): 0.5}))  # expect: [(0, 1), (1, 2)]
