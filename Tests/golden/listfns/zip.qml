# zip pairs up elements of two lists as tuples
print(zip([1, 2], ["a", "b"]))  # expect: [(1, "a"), (2, "b")]
