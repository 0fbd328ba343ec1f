# map accepts a named function as well as a lambda
fn square(x) { x * x }
print(map([1, 2, 3], square))  # expect: [1, 4, 9]
