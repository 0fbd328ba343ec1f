# the copy is deep in effect: changing an inner list of the copy leaves the original alone
var a = [[1]]
var b = a
b[0][0] = 2
print(a)  # expect: [[1]]
print(b)  # expect: [[2]]
