# range bounds may be any expressions
let lo = 2
let hi = 5
for i in lo..<hi { print(i) }
# expect: 2
# expect: 3
# expect: 4
