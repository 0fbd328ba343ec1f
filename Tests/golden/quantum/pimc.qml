# Path-integral samplers: qbm against the exact quantum state, sqa anneals and reverse anneals.
let H = ising(h: [0.1, -0.2, 0.3, 0, 0.5, -0.1], J: {(0, 1): -1, (1, 2): 0.5, (2, 3): -0.7, (3, 4): 1, (4, 5): -0.3, (0, 5): 0.4})
let ex = sample(H, exact_quantum(gamma: 0.8, beta: 1.0))
let q = sample(H, qbm(gamma: 0.8, beta: 1.0, trotter: 8, sweeps: 30), reads: 4000, seed: 3)
print(kl(q, ex) < 0.02)
# expect: true
let chain = ising(J: {(0, 1): -1, (1, 2): -1, (2, 3): -1, (3, 4): -1, (4, 5): -1, (5, 6): -1, (6, 7): -1})
let s = sample(chain, sqa(trotter: 8, sweeps: 200, gamma: 2, beta: 8), reads: 32, seed: 1)
print(s.aggregate().size, s.lowest.energy, s.mean_energy)
# expect: 2 -7.0 -7.0
let back = schedule("dw2000q").reverse(0.7, pause: 0.5)
let r = sample(chain, sqa(schedule: back, trotter: 8, sweeps: 100), reads: 16, seed: 2, initial: [1, 1, 1, 1, 1, 1, 1, 1])
print(r.aggregate().size, r.states[0])
# expect: 1 [1, 1, 1, 1, 1, 1, 1, 1]
let a = sample(H, sqa(trotter: 4, sweeps: 20, schedule: schedule("advantage")), reads: 40, seed: 5, threads: 1)
let b = sample(H, sqa(trotter: 4, sweeps: 20, schedule: schedule("advantage")), reads: 40, seed: 5, threads: 3)
print(a.states == b.states)
# expect: true
let dev = sqa(schedule: "advantage", temperature: 12mK)
print(dev.name, dev.settings.schedule, dev.settings.trotter)
# expect: sqa advantage 16
try { sample(chain, sqa(schedule: back)) } catch e { print(e.message) }
# expect: sample: a reverse anneal (a path starting at s = 1) starts from given states: pass `initial:` to sample
try { sqa(schedule: "dw2000q", gamma: 2) } catch e { print(e.message) }
# expect: sqa: give `gamma` or `schedule`, not both
try { sqa(temperature: 12mK) } catch e { print(e.message) }
# expect: sqa: `temperature` needs a schedule in GHz
try { qbm(trotter: 0) } catch e { print(e.message) }
# expect: qbm: trotter must be between 1 and 1024 slices, got 0
