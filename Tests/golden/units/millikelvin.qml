# mK is millikelvin, stored in kelvin
print(10mK)  # expect: 0.01
print(12mK)  # expect: 0.012
