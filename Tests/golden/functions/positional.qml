# a function with positional parameters
fn add(a, b) { a + b }
print(add(2, 3))  # expect: 5
