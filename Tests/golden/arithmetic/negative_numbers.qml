# unary minus on ints and floats
print(-5)  # expect: -5
print(-2.5)  # expect: -2.5
print(3 - 10)  # expect: -7
print(-(-4))  # expect: 4
