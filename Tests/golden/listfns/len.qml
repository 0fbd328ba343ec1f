# len works on lists, strings and records
print(len([1, 2]))  # expect: 2
print(len("abc"))  # expect: 3
print(len({a: 1}))  # expect: 1
