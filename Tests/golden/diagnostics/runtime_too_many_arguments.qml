# too many arguments
fn f(a) { a }
f(1, 2)
# expect error: 3:1: `f` takes 1 argument but 2 were given
