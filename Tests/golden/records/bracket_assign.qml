# r["key"] = v changes a field by key
var r = {a: 1, b: 2}
r["b"] = 20
print(r)  # expect: {a: 1, b: 20}
