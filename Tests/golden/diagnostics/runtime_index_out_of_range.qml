# an index past the end
let xs = [1, 2, 3]
print(xs[5])
# expect error: 3:7: index 5 out of range for list of 3 elements
