# closures made in a for loop each capture their own iteration's variable
var fs = []
for i in 0..<3 { fs.append(|| i * 10) }
for f in fs { print(f()) }
# expect: 0
# expect: 10
# expect: 20
