# a lambda sees the names around it
let base = 10
let add = |x| x + base
print(add(5))  # expect: 15
