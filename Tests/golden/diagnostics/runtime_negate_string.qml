# negating a string
let s = "a"
print(-s)
# expect error: 3:7: cannot negate string
