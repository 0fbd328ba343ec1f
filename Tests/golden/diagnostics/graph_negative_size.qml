# a negative graph size
let g = complete(-3)
# expect error: 2:9: complete: n must not be negative, got -3
