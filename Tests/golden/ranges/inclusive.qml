# a...b runs from a to b inclusive
for i in 1...3 { print(i) }
# expect: 1
# expect: 2
# expect: 3
