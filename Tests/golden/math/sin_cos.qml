# sin and cos take radians
print(sin(0))  # expect: 0.0
print(cos(0))  # expect: 1.0
