# a failed assertion
let xs = [1, 2]
assert(len(xs) == 3, "expected three elements")
# expect error: 3:1: expected three elements
