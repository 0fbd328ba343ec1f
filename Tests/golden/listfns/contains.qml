# contains tests whether a list holds a value
print(contains([1, 2, 3], 2))  # expect: true
print(contains([1, 2, 3], 5))  # expect: false
