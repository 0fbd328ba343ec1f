# a..<a is empty, so the loop body never runs
var count = 0
for i in 5..<5 { count += 1 }
print(count)  # expect: 0
