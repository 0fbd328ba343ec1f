# a parenthesised expression as a key uses its value
let k = 5
let r = {(k): "five", (k + 1): "six"}
print(r[6])  # expect: six
print(r)  # expect: {5: "five", 6: "six"}
