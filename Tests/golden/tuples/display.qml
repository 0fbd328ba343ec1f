# tuples print in parentheses
print((1, "a"))  # expect: (1, "a")
print((1.5, true, nil))  # expect: (1.5, true, nil)
