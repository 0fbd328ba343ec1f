# let without a name
let = 5
# expect error: 2:5: expected a name or `(` in a declaration, found `=`
