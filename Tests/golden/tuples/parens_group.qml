# one expression in parentheses is just a group, not a tuple
print((1 + 2) * 3)  # expect: 9
print(type((5)))  # expect: int
