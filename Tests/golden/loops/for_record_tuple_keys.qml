# a nested pattern takes apart tuple keys while iterating a record
let J = {(0, 1): -1.0, (1, 2): 0.5}
for ((i, j), w) in J { print("{i}-{j}: {w}") }
# expect: 0-1: -1.0
# expect: 1-2: 0.5
