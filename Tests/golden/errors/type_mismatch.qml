# adding a number to a string is an error that try can catch
let s = "a"
let r = try { 1 + s } catch e { "type error" }
print(r)  # expect: type error
