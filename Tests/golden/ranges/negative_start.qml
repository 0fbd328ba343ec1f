# a range may start below zero
for i in -2..<1 { print(i) }
# expect: -2
# expect: -1
# expect: 0
