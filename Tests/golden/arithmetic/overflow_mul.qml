# integer overflow on * raises an error instead of wrapping around
let n = 3037000500
let r = try { n * n } catch e { "overflow" }
print(r)  # expect: overflow
