# recursion a thousand calls deep
fn sum_to(n) { if n == 0 { 0 } else { n + sum_to(n - 1) } }
print(sum_to(1000))  # expect: 500500
