# a coupling of a spin with itself
let H = ising(J: {(0, 0): 1.0})
# expect error: 2:9: ising: a coupling needs two different variables, got (0, 0)
