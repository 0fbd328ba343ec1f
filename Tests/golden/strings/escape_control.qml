# \t, \r and \0 are single characters
print(len("\t"))  # expect: 1
print(len("a\rb"))  # expect: 3
print(len("a\0b"))  # expect: 3
