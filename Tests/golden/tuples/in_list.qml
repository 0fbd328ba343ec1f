# a list of tuples
print([(1, 2), (3, 4)])  # expect: [(1, 2), (3, 4)]
