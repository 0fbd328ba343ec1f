# a while condition that is not a boolean
var xs = [1]
while xs { xs = [] }
# expect error: 3:7: `while` condition must be true or false, got list
