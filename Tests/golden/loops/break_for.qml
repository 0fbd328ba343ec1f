# break leaves a for loop at once
for i in 0..<10 {
    if i == 3 { break }
    print(i)
}
# expect: 0
# expect: 1
# expect: 2
