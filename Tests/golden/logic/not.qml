# not negates a boolean
print(not true)  # expect: false
print(not false)  # expect: true
print(not (1 == 2))  # expect: true
