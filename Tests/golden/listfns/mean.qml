# mean is the arithmetic mean, a float
print(mean([1, 2, 3, 4]))  # expect: 2.5
print(mean([2.0, 4.0]))  # expect: 3.0
