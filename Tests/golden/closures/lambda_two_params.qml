# a lambda with two parameters
let mul = |a, b| a * b
print(mul(6, 7))  # expect: 42
