# append on a let list
let xs = []
xs.append(1)
# expect error: 3:4: cannot change `xs`: it is a constant declared with `let`
