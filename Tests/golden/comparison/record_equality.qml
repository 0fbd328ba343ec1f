# records with the same keys and values are equal
let a = {x: 1, y: 2}
let b = {x: 1, y: 2}
print(a == b)  # expect: true
print(a == {x: 1, y: 3})  # expect: false
