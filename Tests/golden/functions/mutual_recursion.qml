# two top-level functions may call each other
fn is_even(n) { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n) { if n == 0 { false } else { is_even(n - 1) } }
print(is_even(10))  # expect: true
print(is_odd(7))  # expect: true
print(is_odd(4))  # expect: false
