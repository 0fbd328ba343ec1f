# constraints added into a Hamiltonian report which states break them
let x = binaries(3)
let H = -x[0] - x[1] + constraint(x[0] + x[1] + x[2], equals: 1, strength: 4, name: "one-hot")
print(H.constraints)                               # expect: ["one-hot"]
print(H.violations([1, 1, 0]))                     # expect: ["one-hot: value 2, must be 1"]
print(H.violations([0, 0, 0]))                     # expect: ["one-hot: value 0, must be 1"]
print(H.feasible([0, 1, 0]), H.feasible([1, 1, 1]))  # expect: true false
print(H.energy([1, 0, 0]), H.energy([1, 1, 0]))    # expect: -1.0 2.0
