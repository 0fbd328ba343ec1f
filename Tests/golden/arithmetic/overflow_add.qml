# integer overflow on + raises an error instead of wrapping around
let big = 9223372036854775807
let r = try { big + 1 } catch e { "overflow" }
print(r)  # expect: overflow
