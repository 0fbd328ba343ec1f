# an unclosed list
let xs = [1, 2
# expect error: 2:10: unclosed `[`
