# a whole-number float keeps its .0
print(12.0)  # expect: 12.0
print(3.0 * 2)  # expect: 6.0
print(1500000000.0)  # expect: 1500000000.0
