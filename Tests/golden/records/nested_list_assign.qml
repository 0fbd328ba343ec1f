# m.a[0] = v changes an element of a list inside a record
var m = {a: [1, 2]}
m.a[0] = 5
print(m)  # expect: {a: [5, 2]}
