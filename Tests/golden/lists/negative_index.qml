# negative indices count from the end
let xs = [10, 20, 30]
print(xs[-1])  # expect: 30
print(xs[-3])  # expect: 10
