# `in` tests whether a list holds a value
print(3 in [1, 2, 3])  # expect: true
print(4 in [1, 2, 3])  # expect: false
print("b" in ["a", "b"])  # expect: true
