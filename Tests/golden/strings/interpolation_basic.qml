# {name} inside a string inserts the value of name
let n = 3
print("n = {n}")  # expect: n = 3
