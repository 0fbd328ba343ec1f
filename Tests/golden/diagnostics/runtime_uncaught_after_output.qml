# output before an error is kept
print("first")
print(1 // 0)
# expect: first
# expect error: 3:9: division by zero
