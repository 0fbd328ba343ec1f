# a parameter without default after one with
fn f(a: 1, b) { a + b }
# expect error: 2:12: parameter `b` needs a default because an earlier one has one
