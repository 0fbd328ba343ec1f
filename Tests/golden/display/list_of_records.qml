# a list of records
print([{a: 1}, {a: 2}])  # expect: [{a: 1}, {a: 2}]
