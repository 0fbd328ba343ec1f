# an unterminated string
let s = "abc
print(s)
# expect error: 2:9: unterminated string
