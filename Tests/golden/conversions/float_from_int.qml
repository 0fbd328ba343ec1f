# float of an int
print(float(3))  # expect: 3.0
print(type(float(3)))  # expect: float
