# integer overflow on ^ raises an error instead of wrapping around
let two = 2
let r = try { two ^ 63 } catch e { "overflow" }
print(r)  # expect: overflow
