# pi is predefined
print(pi)  # expect: 3.141592653589793
