# an unclosed parenthesis
let x = (1 + 2
# expect error: 2:9: unclosed `(`
