# int parses a string of digits
print(int("42") + 1)  # expect: 43
print(int("-7"))  # expect: -7
