# a list built with append in a loop
var squares = []
for i in 1...4 { squares.append(i * i) }
print(squares)  # expect: [1, 4, 9, 16]
