# sum adds the elements; ints give an int, floats a float
print(sum([1, 2, 3]))  # expect: 6
print(sum([0.5, 1.5]))  # expect: 2.0
