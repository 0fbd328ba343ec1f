# a # starts a comment that runs to the end of the line
# print(1)
let x = 5  # this part is ignored
print(x)  # expect: 5
