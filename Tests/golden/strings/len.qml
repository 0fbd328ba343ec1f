# len counts the characters of a string
print(len("hello"))  # expect: 5
print(len(""))  # expect: 0
