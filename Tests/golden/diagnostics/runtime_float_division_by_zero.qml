# float division by zero
print(1.5 / 0.0)
# expect error: 2:11: division by zero
