# a closure captures the variable, so it sees later assignments to it
var x = 1
let f = || x
x = 2
print(f())  # expect: 2
