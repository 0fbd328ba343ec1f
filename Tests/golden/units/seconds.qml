# s is seconds; a unit literal is always a float
print(3s)  # expect: 3.0
