# str turns a value into its display string
print(str(42) + "!")  # expect: 42!
print(str(1.5))  # expect: 1.5
print(str(true))  # expect: true
print(type(str(42)))  # expect: string
