# tuples cannot be changed
var t = (1, 2)
t[0] = 5
# expect error: 3:3: cannot change an element of a tuple
