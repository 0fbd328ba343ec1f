# a..<b runs from a up to b - 1
for i in 0..<3 { print(i) }
# expect: 0
# expect: 1
# expect: 2
