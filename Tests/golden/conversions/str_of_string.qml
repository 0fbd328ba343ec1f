# str of a string is the same string, with no quotes added
print(str("abc"))  # expect: abc
print(len(str("abc")))  # expect: 3
