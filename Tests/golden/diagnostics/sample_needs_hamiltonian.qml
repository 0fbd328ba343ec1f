# sample given something that is not a Hamiltonian
let s = sample([1, 2], 5)
# expect error: 2:9: sample: `H` must be a Hamiltonian, got list
