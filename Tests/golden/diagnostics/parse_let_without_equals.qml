# let without =
let x 5
# expect error: 2:7: expected `=` after the name, found number `5`
