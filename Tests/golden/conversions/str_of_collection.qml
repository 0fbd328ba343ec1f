# str of a collection is its display form, with inner strings quoted
print(str([1, "a"]))  # expect: [1, "a"]
print(len(str([1, 2])))  # expect: 6
