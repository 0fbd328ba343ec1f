# + binds tighter than ..<, so 0..<1 + 2 is 0..<3
for i in 0..<1 + 2 { print(i) }
# expect: 0
# expect: 1
# expect: 2
