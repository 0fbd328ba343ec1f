# integer overflow in addition
let big = 9223372036854775807
print(big + 1)
# expect error: 3:11: integer overflow in 9223372036854775807 + 1
