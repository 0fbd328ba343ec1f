# a default value may be an expression
fn quarter(x, scale: 1.0 / 4) { x * scale }
print(quarter(2))  # expect: 0.5
