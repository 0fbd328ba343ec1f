# a record field can hold a function
let ops = {double: |x| x * 2}
let f = ops.double
print(f(4))  # expect: 8
