# break outside a loop
let x = 1
break
# expect error: 3:1: `break` outside a loop
