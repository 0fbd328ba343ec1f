# a function's value is its last expression
fn square(x) { x * x }
print(square(7))  # expect: 49
