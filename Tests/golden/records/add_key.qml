# assigning to a new key adds it at the end
var r = {a: 1}
r.b = 2
r["c"] = 3
print(r)  # expect: {a: 1, b: 2, c: 3}
