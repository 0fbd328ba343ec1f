# integer division by zero
let a = 7
print(a // 0)
# expect error: 3:9: division by zero
