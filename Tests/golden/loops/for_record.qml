# for over a record visits (key, value) pairs in insertion order
let r = {b: 2, a: 1, c: 3}
for (k, v) in r { print("{k}={v}") }
# expect: b=2
# expect: a=1
# expect: c=3
