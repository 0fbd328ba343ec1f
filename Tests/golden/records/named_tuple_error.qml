# A named tuple needs a name on every entry.
let bad = (a: 1, 2)
# expect error: 2:18: expected `name:` in the named tuple, found number `2`
