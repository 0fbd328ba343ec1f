# reading a field that a record lacks is an error that try can catch
let rec = {a: 1}
let r = try { rec.b } catch e { "no such field" }
print(r)  # expect: no such field
