# map and filter return new lists and leave their argument unchanged
let xs = [1, 2, 3]
let ys = map(xs, |x| x + 1)
let zs = filter(xs, |x| x > 1)
print(xs)  # expect: [1, 2, 3]
print(ys)  # expect: [2, 3, 4]
print(zs)  # expect: [2, 3]
