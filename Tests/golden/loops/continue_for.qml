# continue skips to the next iteration of a for loop
for i in 0..<5 {
    if i % 2 == 0 { continue }
    print(i)
}
# expect: 1
# expect: 3
