# a float literal beyond the double range
let x = 1e999
# expect error: 2:9: number literal is too large
