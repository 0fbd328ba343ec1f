# GHz is gigahertz, stored in hertz
print(1.5GHz)  # expect: 1500000000.0
