# integer literals: decimal, hexadecimal, underscores as separators
print(42)  # expect: 42
print(0x1F)  # expect: 31
print(0xff)  # expect: 255
print(1_000_000)  # expect: 1000000
print(0x1F + 1_000)  # expect: 1031
