# a function returns several values as a tuple
fn min_max(xs) { (min(xs), max(xs)) }
let (lo, hi) = min_max([3, 1, 4, 1, 5])
print("{lo} {hi}")  # expect: 1 5
