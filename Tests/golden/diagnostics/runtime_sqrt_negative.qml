# square root of a negative number
print(sqrt(-1))
# expect error: 2:7: sqrt: square root of a negative number (-1.0)
