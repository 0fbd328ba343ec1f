# print writes a string as it is, without quotes
print("hello")  # expect: hello
print("two  spaces")  # expect: two  spaces
