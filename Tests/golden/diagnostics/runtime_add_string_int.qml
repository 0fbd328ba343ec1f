# adding a string and a number
let n = 3
print("n = " + n)
# expect error: 3:14: cannot add string and int
