# an int combined with a float gives a float
print(1 + 0.5)  # expect: 1.5
print(3 * 4.0)  # expect: 12.0
print(2.5 - 1)  # expect: 1.5
