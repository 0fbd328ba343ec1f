# keys lists a record's keys in insertion order
print(keys({a: 1, b: 2}))  # expect: ["a", "b"]
