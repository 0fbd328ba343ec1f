# range bounds that are not integers
let r = 0..<2.5
# expect error: 2:9: range bounds must be integers, got int and float
