# floor, ceil and round go to a whole number
print(float(floor(2.7)))  # expect: 2.0
print(float(floor(-2.5)))  # expect: -3.0
print(float(ceil(2.1)))  # expect: 3.0
print(float(round(2.6)))  # expect: 3.0
