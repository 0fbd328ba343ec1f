# pop from an empty list
var xs = []
xs.pop()
# expect error: 3:1: pop from an empty list
