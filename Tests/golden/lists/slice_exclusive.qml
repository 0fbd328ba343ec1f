# xs[a..<b] is the part from a up to but not including b
let xs = [10, 20, 30, 40, 50]
print(xs[1..<3])  # expect: [20, 30]
print(xs[0..<5])  # expect: [10, 20, 30, 40, 50]
