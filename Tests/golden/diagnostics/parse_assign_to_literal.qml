# assignment to something that is not a variable
3 = 4
# expect error: 2:1: cannot assign to this expression
