# t[i] reads a tuple element; negative indices count from the end
let t = (7, 8, 9)
print(t[0])  # expect: 7
print(t[-1])  # expect: 9
