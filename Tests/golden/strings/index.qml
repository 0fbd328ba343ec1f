# indexing a string gives a one-character string; negative indices count from the end
let s = "hello"
print(s[0])  # expect: h
print(s[-1])  # expect: o
