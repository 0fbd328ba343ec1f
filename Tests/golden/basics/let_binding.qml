# let binds a name to a value
let n = 42
print(n)  # expect: 42
