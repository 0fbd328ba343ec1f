# indexing past the end of a list is an error that try can catch
let xs = [1, 2]
let r = try { xs[5] } catch e { "index error" }
print(r)  # expect: index error
