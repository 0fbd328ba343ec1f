# an if condition that is not a boolean
let n = 3
if n { print(n) }
# expect error: 3:4: `if` condition must be true or false, got int
