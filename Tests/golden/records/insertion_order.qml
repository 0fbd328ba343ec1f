# a record keeps the order in which keys were written, not sorted order
let r = {z: 1, a: 2, m: 3}
print(r)  # expect: {z: 1, a: 2, m: 3}
print(keys(r))  # expect: ["z", "a", "m"]
