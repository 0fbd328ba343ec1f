# floats print in the shortest form that reads back exactly
print(0.1 + 0.2)  # expect: 0.30000000000000004
print(1 / 3)  # expect: 0.3333333333333333
print(0.1)  # expect: 0.1
