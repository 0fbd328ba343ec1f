# += -= *= update a var in place
var s = 10
s += 5
print(s)  # expect: 15
s -= 3
print(s)  # expect: 12
s *= 2
print(s)  # expect: 24
