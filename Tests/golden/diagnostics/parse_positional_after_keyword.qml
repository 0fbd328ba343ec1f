# a positional argument after a keyword one
fn f(a, b: 1) { a + b }
f(b: 2, 3)
# expect error: 3:9: positional argument after keyword arguments
