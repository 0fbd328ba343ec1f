# append(xs, v) returns a new list and leaves xs alone
let xs = [1, 2]
let ys = append(xs, 3)
print(xs)  # expect: [1, 2]
print(ys)  # expect: [1, 2, 3]
