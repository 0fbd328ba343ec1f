# r.key = v changes a field of a var record and keeps its position
var r = {a: 1, b: 2}
r.a = 10
print(r)  # expect: {a: 10, b: 2}
