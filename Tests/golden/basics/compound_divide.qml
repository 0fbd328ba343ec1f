# /= divides like /, so an integer var becomes a float
var s = 8
s /= 4
print(s)  # expect: 2.0
