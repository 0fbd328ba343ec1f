# ^ with a float on either side gives a float
print(2.0 ^ 3)  # expect: 8.0
print(2 ^ 0.5)  # expect: 1.4142135623730951
