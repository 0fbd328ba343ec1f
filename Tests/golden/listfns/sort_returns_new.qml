# sort returns a new list and leaves its argument unchanged
let xs = [3, 1, 2]
let ys = sort(xs)
print(xs)  # expect: [3, 1, 2]
print(ys)  # expect: [1, 2, 3]
