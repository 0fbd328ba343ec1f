# a parameter declared twice
fn f(a, a) { a }
# expect error: 2:9: duplicate parameter `a`
