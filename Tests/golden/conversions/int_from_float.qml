# int of a float drops the fractional part
print(int(3.7))  # expect: 3
print(int(2.0))  # expect: 2
print(type(int(2.0)))  # expect: int
