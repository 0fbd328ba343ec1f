# enumerate pairs each element with its index
print(enumerate(["x", "y"]))  # expect: [(0, "x"), (1, "y")]
