# assigning a list copies it: appending to the copy leaves the original alone
var a = [1]
var b = a
b.append(2)
print(a)  # expect: [1]
print(b)  # expect: [1, 2]
