# 0x with no digits
let m = 0x
# expect error: 2:9: hexadecimal literal needs digits after `0x`
