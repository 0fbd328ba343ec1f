# assignment to a let constant
let x = 1
x = 2
# expect error: 3:1: cannot assign to `x`: it is a constant declared with `let`
