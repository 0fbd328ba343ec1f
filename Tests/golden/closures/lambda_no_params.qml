# || expr is a lambda without parameters
let f = || 42
print(f())  # expect: 42
