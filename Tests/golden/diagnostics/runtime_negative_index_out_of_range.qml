# a negative index past the start
let xs = [1, 2, 3]
print(xs[-4])
# expect error: 3:7: index -4 out of range for list of 3 elements
