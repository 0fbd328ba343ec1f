# a misspelt Hamiltonian member, with a suggestion
let H = ising(J: {(0, 1): 1.0})
print(H.enrgy([1, 1]))
# expect error: 3:9: Hamiltonian has no method `enrgy`
