# a name twice in a destructuring pattern
let (a, a) = (1, 2)
# expect error: 2:9: `a` appears twice in the pattern
