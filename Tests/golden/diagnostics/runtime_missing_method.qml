# calling a method that does not exist
let xs = [1, 2]
xs.frobnicate()
# expect error: 3:4: list has no method `frobnicate`
