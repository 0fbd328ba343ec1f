# recursive Fibonacci with an early return
fn f(n) { if n < 2 { return n }; f(n - 1) + f(n - 2) }
print(f(15))  # expect: 610
