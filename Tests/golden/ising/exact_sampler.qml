# exact enumeration: log Z and marginals of E = 0.5 s0 - s0 s1, compared with a hand sum
let H = ising(h: [0.5, 0.0], J: {(0, 1): -1.0})
let s = sample(H, exact(beta: 1.0), reads: 0)
print(format(s.log_z, 10))                     # expect: 1.9401896986
print(format(s.magnetization[0], 10))          # expect: -0.4621171573
print(format(s.correlations[0][1], 10))        # expect: 0.7615941560
print(s.ground_energy, s.ground_states)        # expect: -1.5 [[-1, -1]]
let t = sample(H, exact(beta: 2.0), reads: 0)
print(format(t.log_z, 10), format(t.magnetization[0], 10))   # expect: 3.1450779390 -0.7615941560
let Q = sample(H.to_qubo(), exact(beta: 1.0), reads: 0)
print(format(Q.log_z, 10), Q.ground_states)    # expect: 1.9401896986 [[0, 0]]
