# comparisons combine with and / or
let x = 5
print(x > 0 and x < 10)  # expect: true
print(x < 0 or x > 10)  # expect: false
