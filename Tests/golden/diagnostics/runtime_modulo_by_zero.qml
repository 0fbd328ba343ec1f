# modulo by zero
print(5 % 0)
# expect error: 2:9: modulo by zero
