# and applied to a number
print(true and 1)
# expect error: 2:16: operand of `and` must be true or false, got int
