# \{ and \} are literal braces, not interpolation
let x = 1
print("\{x\} is {x}")  # expect: {x} is 1
