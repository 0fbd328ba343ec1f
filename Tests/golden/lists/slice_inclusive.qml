# xs[a...b] includes b
let xs = [10, 20, 30, 40, 50]
print(xs[1...3])  # expect: [20, 30, 40]
