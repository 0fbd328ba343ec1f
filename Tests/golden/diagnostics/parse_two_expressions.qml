# two expressions on one line
let x = 1 2
# expect error: 2:11: unexpected number `2` after the end of a statement
