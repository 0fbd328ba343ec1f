# ** is not the power operator
let p = 2 ** 3
# expect error: 2:11: `**` is not an operator
