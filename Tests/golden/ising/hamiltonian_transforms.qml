# fixing, relabelling, scaling and adding Hamiltonians
let H = ising(h: {"a": 1.0, "b": -0.5}, J: {("a", "b"): 2.0})
let F = H.fix({"a": -1})
print(F.variables, F.h, F.offset)                  # expect: ["b"] {b: -2.5} -1.0
print(F.energy([1]) == H.energy({"a": -1, "b": 1}))  # expect: true
let R = H.relabel({"a": 0})
print(R.variables, R.J)                            # expect: [0, "b"] {(0, "b"): 2.0}
print(H.scaled(2).energy([1, 1]), (H * 3).energy([1, 1]))   # expect: 5.0 7.5
print((H + H).energy([1, -1]), (H - 1).energy([1, -1]), (-H).energy([1, -1]))   # expect: -1.0 -1.5 0.5
let G = ising(J: {("b", "c"): 1.0})
print((H + G).variables, (H + G).energy({"a": 1, "b": 1, "c": -1}))   # expect: ["a", "b", "c"] 1.5
