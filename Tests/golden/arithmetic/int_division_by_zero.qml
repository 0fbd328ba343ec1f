# integer division by zero raises an error
let zero = 0
let r = try { 1 // zero } catch e { "division by zero" }
print(r)  # expect: division by zero
