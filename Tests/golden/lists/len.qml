# len gives the number of elements
print(len([1, 2, 3]))  # expect: 3
print(len([]))  # expect: 0
