# type names of lists, records, tuples and ranges
print(type([1]))  # expect: list
print(type({a: 1}))  # expect: record
print(type((1, 2)))  # expect: tuple
print(type(0..<3))  # expect: range
