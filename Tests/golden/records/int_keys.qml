# integers can be keys
let h = {0: 0.5, 3: -1}
print(h[3])  # expect: -1
print(h)  # expect: {0: 0.5, 3: -1}
