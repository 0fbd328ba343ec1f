# -x ^ 2 is -(x ^ 2)
let x = 3
print(-x ^ 2)  # expect: -9
print((-x) ^ 2)  # expect: 9
