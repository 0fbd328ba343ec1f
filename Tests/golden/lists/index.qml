# xs[i] reads the element at index i, counting from 0
let xs = [10, 20, 30]
print(xs[0])  # expect: 10
print(xs[2])  # expect: 30
