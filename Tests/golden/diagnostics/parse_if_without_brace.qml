# if without a block
let x = 3
if x > 1 print(x)
# expect error: 3:10: expected `{` after the `if` condition, found `print`
