# integer overflow in a power
print(10 ^ 19)
# expect error: 2:10: integer overflow in 10 ^ 19
