# the same keyword argument twice
fn f(a: 1) { a }
f(a: 1, a: 2)
# expect error: 3:9: keyword argument `a` is given twice
