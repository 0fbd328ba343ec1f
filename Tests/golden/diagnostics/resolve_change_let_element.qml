# changing an element of a let list
let xs = [1, 2]
xs[0] = 5
# expect error: 3:1: cannot change `xs`: it is a constant declared with `let`
