# continue in a while loop jumps back to the condition
var i = 0
var s = 0
while i < 5 {
    i += 1
    if i == 3 { continue }
    s += i
}
print(s)  # expect: 12
