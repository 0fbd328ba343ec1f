# min and max of a list
print(min([3, 1, 2]))  # expect: 1
print(max([3, 1, 2]))  # expect: 3
print(max([1.5, 0.5]))  # expect: 1.5
