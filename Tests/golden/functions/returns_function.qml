# a function may return a function
fn adder(n) { |x| x + n }
let add5 = adder(5)
print(add5(10))  # expect: 15
