# for loops nest
for i in 0..<2 {
    for j in 0..<2 { print("{i}{j}") }
}
# expect: 00
# expect: 01
# expect: 10
# expect: 11
