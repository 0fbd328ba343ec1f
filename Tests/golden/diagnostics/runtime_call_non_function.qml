# calling a number
let x = 3
x(1)
# expect error: 3:1: `x` is an int, not a function
