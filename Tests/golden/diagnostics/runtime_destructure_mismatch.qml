# destructuring a tuple of the wrong size
let (a, b) = (1, 2, 3)
# expect error: 2:5: cannot destructure a tuple of 3 elements into 2 names
