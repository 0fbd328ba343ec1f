# an interpolation without its closing brace
let n = 1
print("n = {n")
# expect error: 3:12: unterminated interpolation in string
