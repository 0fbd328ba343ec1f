# a misspelt keyword argument, with a suggestion
fn scaled(x, by: 2.0) { x * by }
scaled(3, bx: 4)
# expect error: 3:11: `scaled` has no parameter `bx`
