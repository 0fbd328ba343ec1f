# an expression cut off by the end of input
let x = 1 +
# expect error: 2:11: expected an expression after `+`, found end of input
