# ms is milliseconds, stored in seconds
print(20ms)  # expect: 0.02
print(2.5ms)  # expect: 0.0025
