# let (a, b) = pair binds each element
let pair = (1, "a")
let (a, b) = pair
print(a)  # expect: 1
print(b)  # expect: a
