# MHz, kHz and Hz, stored in hertz
print(5MHz)  # expect: 5000000.0
print(2kHz)  # expect: 2000.0
print(50Hz)  # expect: 50.0
