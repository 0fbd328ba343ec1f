# _ in a pattern ignores that element
let (_, second) = (10, 20)
print(second)  # expect: 20
