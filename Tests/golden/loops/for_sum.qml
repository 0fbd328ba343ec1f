# accumulating in a for loop
var s = 0
for i in 1...100 { s += i }
print(s)  # expect: 5050
