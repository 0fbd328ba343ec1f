# a block comment can sit in the middle of a line
let y = #[ hidden ]# 5
print(y)  # expect: 5
print(1 + #[ two ]# 2)  # expect: 3
