# float parses a string
print(float("2.5"))  # expect: 2.5
print(float("1e-3"))  # expect: 0.001
