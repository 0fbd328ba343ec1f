# comparison chains are rejected
let ok = 1 < 2 < 3
# expect error: 2:16: comparison chains are not allowed
