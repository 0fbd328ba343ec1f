# len counts the entries of a record
print(len({a: 1, b: 2}))  # expect: 2
