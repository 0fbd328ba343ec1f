# a bare name before : is a string key, not the value of a variable
let k = 5
let r = {k: 1}
print(r)  # expect: {k: 1}
print(r["k"])  # expect: 1
