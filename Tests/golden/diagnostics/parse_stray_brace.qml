# a closing brace with no opening one
let x = 1
}
# expect error: 3:1: unexpected `}`
