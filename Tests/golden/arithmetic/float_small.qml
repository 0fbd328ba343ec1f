# small floats switch to exponent form below 1e-4
print(0.0001)  # expect: 0.0001
print(0.00001)  # expect: 1e-05
print(1e-6)  # expect: 1e-06
