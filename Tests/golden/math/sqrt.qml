# sqrt returns a float
print(sqrt(16))  # expect: 4.0
print(sqrt(2))  # expect: 1.4142135623730951
