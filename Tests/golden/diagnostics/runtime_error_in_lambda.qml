# an error inside a lambda passed to map
let ys = map([1, 0], |x| 10 // x)
# expect error: 2:29: division by zero
