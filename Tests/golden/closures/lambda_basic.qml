# |x| expr is a function value
let inc = |x| x + 1
print(inc(41))  # expect: 42
