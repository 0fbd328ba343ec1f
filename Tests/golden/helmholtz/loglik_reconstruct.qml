# The exact log-likelihood of a small Helmholtz machine, and reconstructions
let data = tensor([[1, 1, -1, -1], [-1, -1, 1, 1]])
# With every weight and the prior at zero, P(v) is uniform over the 16 visible states
let flat = helmholtz([4, 3], seed: 1, scale: 0)
print(format(flat.loglik(data), 6), format(-4 * log(2), 6))   # expect: -2.772589 -2.772589
print(flat.reconstruct(data).to_list())   # expect: [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
let hm = helmholtz([4, 3], seed: 1, scale: 0.5)
print(hm.loglik(data) == hm.bound(data).loglik, hm.bound(data).bound <= hm.loglik(data))   # expect: true true
print(hm.reconstruct(data, seed: 3).shape, hm.reconstruct(data, seed: 3).to_list() == hm.reconstruct(data, seed: 3).to_list())   # expect: (2, 4) true
# Models take rows as a tensor wherever they take a data set
let m = fvbm(complete(4))
print(format(m.loglik(data), 4))   # expect: -2.7726
let big = helmholtz([4, 20], seed: 1)
big.loglik(data)
# expect error: 14:1: loglik: the exact bound enumerates the hidden layers: at most 16 hidden units, this machine has 20
