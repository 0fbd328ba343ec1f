# a missing argument
fn f(a, b) { a + b }
f(1)
# expect error: 3:1: `f` is missing its argument `b`
