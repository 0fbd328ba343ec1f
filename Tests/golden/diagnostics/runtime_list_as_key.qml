# a list used as a record key
let r = {[1]: 2}
# expect error: 2:10: a list cannot be a record key
