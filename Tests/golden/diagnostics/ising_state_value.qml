# a spin state with a 0 in it
let H = ising(J: {(0, 1): -1.0})
print(H.energy([1, 0]))
# expect error: 3:7: state: the value at position 1 must be -1 or 1 (spins), got 0
