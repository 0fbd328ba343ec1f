# K is kelvin
print(2K)  # expect: 2.0
