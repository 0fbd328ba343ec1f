# lists are equal when their elements are equal, in order
print([1, 2] == [1, 2])  # expect: true
print([1, 2] == [2, 1])  # expect: false
print([[1], [2]] == [[1], [2]])  # expect: true
