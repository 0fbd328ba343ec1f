# type names of strings, booleans and nil
print(type("a"))  # expect: string
print(type(true))  # expect: bool
print(type(nil))  # expect: nil
