# an empty range slices to an empty list
let xs = [10, 20, 30]
print(xs[2..<2])  # expect: []
