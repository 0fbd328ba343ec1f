# assigning a list copies it: changing an element of the copy leaves the original alone
var a = [1, 2]
var b = a
b[0] = 9
print(a)  # expect: [1, 2]
print(b)  # expect: [9, 2]
