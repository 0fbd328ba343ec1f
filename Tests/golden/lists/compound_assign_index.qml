# += works on a list element
var xs = [1, 2]
xs[0] += 5
print(xs)  # expect: [6, 2]
