# type names of numbers
print(type(1))  # expect: int
print(type(1.0))  # expect: float
