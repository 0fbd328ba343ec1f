# comparisons on floats, and between an int and a float
print(1.5 < 2.5)  # expect: true
print(0.1 + 0.2 == 0.3)  # expect: false
print(2 < 2.5)  # expect: true
print(3.5 >= 3)  # expect: true
