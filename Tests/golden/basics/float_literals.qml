# float literals with a point or an exponent
print(2.5)  # expect: 2.5
print(1e3)  # expect: 1000.0
print(2.5e-3)  # expect: 0.0025
print(1E2)  # expect: 100.0
