# each element of a record in a for loop is a (key, value) tuple
let r = {x: 1}
for entry in r { print(entry) }
# expect: ("x", 1)
