# ns is nanoseconds, stored in seconds
print(5ns)  # expect: 5e-09
