# lists print in brackets with their elements in display form
print([1, 2, 3])  # expect: [1, 2, 3]
print([])  # expect: []
print([1.5, "a", true, nil])  # expect: [1.5, "a", true, nil]
