# not applied to a number
print(not 1)
# expect error: 2:11: operand of `not` must be true or false, got int
