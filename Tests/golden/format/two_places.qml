# format(x, n) writes x with n digits after the point
print(format(3.14159, 2))  # expect: 3.14
