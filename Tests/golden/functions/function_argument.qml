# functions are values and can be passed to other functions
fn twice(f, x) { f(f(x)) }
fn inc(x) { x + 1 }
print(twice(inc, 5))  # expect: 7
