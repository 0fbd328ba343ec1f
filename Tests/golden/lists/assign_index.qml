# xs[i] = v replaces an element of a var list
var xs = [1, 2, 3]
xs[1] = 20
print(xs)  # expect: [1, 20, 3]
