# assignment through a negative index
var xs = [1, 2, 3]
xs[-1] = 0
print(xs)  # expect: [1, 2, 0]
