# sort returns the numbers in ascending order
print(sort([3, 1, 2]))  # expect: [1, 2, 3]
print(sort([2.5, -1.0, 0.5]))  # expect: [-1.0, 0.5, 2.5]
