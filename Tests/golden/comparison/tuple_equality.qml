# tuples compare element by element
print((1, "a") == (1, "a"))  # expect: true
print((1, 2) != (1, 3))  # expect: true
