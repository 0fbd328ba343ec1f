# a top-level name used before its declaration
print(y)
let y = 2
# expect error: 2:7: `y` is used before it is declared
