# a member of a number
let n = 3
print(n.size)
# expect error: 3:9: int has no member `size`
