# a state record naming a variable the model lacks
let H = ising(h: {"a": 1.0})
print(H.energy({"b": 1}))
# expect error: 3:7: state: the model has no variable b
