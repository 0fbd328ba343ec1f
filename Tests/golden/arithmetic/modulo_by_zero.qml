# integer remainder by zero raises an error
let zero = 0
let r = try { 5 % zero } catch e { "remainder by zero" }
print(r)  # expect: remainder by zero
