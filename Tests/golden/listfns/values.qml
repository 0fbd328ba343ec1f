# values lists a record's values in insertion order
print(values({a: 1, b: 2}))  # expect: [1, 2]
