# a function may call itself
fn fact(n) { if n <= 1 { 1 } else { n * fact(n - 1) } }
print(fact(10))  # expect: 3628800
