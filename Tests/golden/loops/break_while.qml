# break leaves a while true loop
var n = 0
while true {
    n += 1
    if n == 4 { break }
}
print(n)  # expect: 4
