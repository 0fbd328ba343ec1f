# abs keeps the type of its argument
print(abs(-3))  # expect: 3
print(abs(-2.5))  # expect: 2.5
print(abs(4))  # expect: 4
