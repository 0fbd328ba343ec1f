# format pads with zeros to the requested number of places
print(format(2.0, 3))  # expect: 2.000
print(format(1.5, 1))  # expect: 1.5
