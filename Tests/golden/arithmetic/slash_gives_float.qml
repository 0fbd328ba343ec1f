# / on two integers gives a float, even when it divides exactly
print(7 / 2)  # expect: 3.5
print(6 / 3)  # expect: 2.0
print(type(6 / 3))  # expect: float
