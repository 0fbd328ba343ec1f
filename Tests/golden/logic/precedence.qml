# not binds tighter than and, and binds tighter than or
print(true or false and false)  # expect: true
print(not false and false)  # expect: false
print(not (1 == 2) and true or false)  # expect: true
