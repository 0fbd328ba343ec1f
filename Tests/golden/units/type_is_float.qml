# unit literals are floats even when written with an integer
print(type(3s))  # expect: float
print(type(5us))  # expect: float
