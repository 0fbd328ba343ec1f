# type returns a string that can be compared
print(type(3) == "int")  # expect: true
