# a line that ends with an operator continues on the next line
let total = 1 +
    2 +
    3
print(total)  # expect: 6
