# a keyword used as a variable name
let while = 1
# expect error: 2:5: `while` is a reserved word and cannot be used as a name
