# any expression can be interpolated
let n = 3
print("n = {n}, half = {n / 2}")  # expect: n = 3, half = 1.5
print("{n * n + 1}")  # expect: 10
