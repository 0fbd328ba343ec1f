# % gives the remainder
print(7 % 3)  # expect: 1
print(10 % 5)  # expect: 0
print(7.5 % 2)  # expect: 1.5
