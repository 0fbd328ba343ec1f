# closures made by separate calls capture separate values
fn adder(n) { |x| x + n }
let a = adder(1)
let b = adder(100)
print(a(3))  # expect: 4
print(b(3))  # expect: 103
