# assigning a record copies it: changing the copy leaves the original alone
var r = {a: 1}
var s = r
s.a = 2
print(r)  # expect: {a: 1}
print(s)  # expect: {a: 2}
