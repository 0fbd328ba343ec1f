# integer overflow on - raises an error instead of wrapping around
let small = -9223372036854775807
let r = try { small - 2 } catch e { "overflow" }
print(r)  # expect: overflow
