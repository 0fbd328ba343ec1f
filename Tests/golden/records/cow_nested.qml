# changing a list inside a copied record leaves the original record alone
var m = {a: [1, 2]}
var n = m
n.a[0] = 5
print(m)  # expect: {a: [1, 2]}
print(n)  # expect: {a: [5, 2]}
