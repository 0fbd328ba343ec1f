# a range index slices a string
let s = "hello"
print(s[1..<3])  # expect: el
print(s[0...1])  # expect: he
