# return outside a function
return 5
# expect error: 2:1: `return` outside a function
