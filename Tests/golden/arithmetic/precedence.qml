# * binds tighter than +, and parentheses group
print(2 + 3 * 4)  # expect: 14
print((2 + 3) * 4)  # expect: 20
print(2 ^ 10 // 3 % 7)  # expect: 5
