# calling something that is not a function is an error that try can catch
let n = 3
let r = try { n(1) } catch e { "not callable" }
print(r)  # expect: not callable
