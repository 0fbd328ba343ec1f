# + concatenates lists
print([1, 2] + [3])  # expect: [1, 2, 3]
print([] + [1])  # expect: [1]
