# +, - and * on integers give integers
print(2 + 3)  # expect: 5
print(10 - 4)  # expect: 6
print(6 * 7)  # expect: 42
