# a range is a value: it can be stored and used later as a slice
let r = 1..<3
let xs = [10, 20, 30, 40]
print(xs[r])  # expect: [20, 30]
print(type(r))  # expect: range
