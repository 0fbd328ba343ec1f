# a misspelt keyword argument of a builtin
print(sort([3, 1], revers: true))
# expect error: 2:20: `sort` has no parameter `revers`
