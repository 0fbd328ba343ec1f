# an integer literal beyond 64 bits
let n = 99999999999999999999
# expect error: 2:9: integer literal is too large
