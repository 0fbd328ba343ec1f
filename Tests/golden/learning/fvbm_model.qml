# fvbm: energies in ising's convention, exact log Z and log-likelihood, samples, save and load
let m = fvbm(complete(2), init: 0.0)
print(m)                                      # expect: fvbm(2 variables, 1 couplings)
print(m.h, m.J)                               # expect: {0: 0.0, 1: 0.0} {(0, 1): 0.0}
print(format(m.log_z(), 10))                  # expect: 1.3862943611
# a model with h = (0.5, 0), J01 = -1 has the log Z of the exact-sampler golden test
let H = ising(h: [0.5, 0.0], J: {(0, 1): -1.0})
let data = sk_data(H, 4000, seed: 1)
let loop = train(m, data, sampler: exact(), lr: 0.5, momentum: 0.0, l2: 0.0, steps: 200)
loop.run()
print(abs(m.h[0] - 0.5) < 0.05, abs(m.h[1]) < 0.05, abs(m.J[(0, 1)] + 1.0) < 0.05)   # expect: true true true
print(abs(m.log_z() - 1.9401896986) < 0.1)     # expect: true
print(m.energy([1, 1]) == m.hamiltonian.energy([1, 1]))   # expect: true
# the trained model's exact log-likelihood equals mean(-E) - log Z, and the data's KL is small
let by_hand = mean(map(data.rows, |s| -m.energy(s))) - m.log_z()
print(abs(m.loglik(data) - by_hand) < 1e-12, kl_data(m, data) < 0.001)   # expect: true true
let s = m.sample(5, exact(), seed: 2)
print(s.size, s.dimension)                    # expect: 5 2
m.save("/tmp/qrepl-golden-fvbm.json")
let back = load_model("/tmp/qrepl-golden-fvbm.json")
print(back.h == m.h, back.J == m.J)           # expect: true true
print(lambda_av(data, H) - lambda_av(data, m.hamiltonian) < 0.01)   # expect: true
