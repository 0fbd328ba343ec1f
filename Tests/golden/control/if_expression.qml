# if is an expression with a value
let n = 5
let sign = if n > 0 { 1 } else { -1 }
print(sign)  # expect: 1
