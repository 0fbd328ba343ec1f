# a state of the wrong length
let H = ising(J: {(0, 1): -1.0})
print(H.energy([1, 1, 1]))
# expect error: 3:7: state has 3 values but the model has 2 variables
