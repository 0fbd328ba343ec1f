# training loops: run in pieces, history columns, tracked metrics, callbacks, the range stop
let data = bars_and_stripes(2, 2)
let m = fvbm(complete(4), seed: 1)
let loop = train(m, data, sampler: exact(), lr: 0.1, steps: 60, seed: 1)
var calls = 0
loop.track("loglik", |model| model.loglik(data), every: 20).every(30, |l| { calls = calls + 1 })
print(loop)                                   # expect: TrainingLoop(step 0 of 60, exact, lr 0.1)
loop.run(steps: 25)
print(loop.step, loop.history.step[-1], len(loop.history.grad_norm))   # expect: 25 25 25
loop.run()
print(loop.step, calls, len(loop.history.loglik), loop.history.steps_of("loglik"))   # expect: 60 2 3 [20, 40, 60]
let ll = loop.history.loglik
print(ll[0] < ll[1], ll[1] < ll[2])           # expect: true true
print(loop.history.columns)                   # expect: ["step", "time", "grad_norm", "h_min", "h_max", "J_min", "J_max", "model_energy", "loglik"]
print(loop.stopped)                           # expect: nil
loop.run()
print(loop.step)                              # expect: 60
# the same seed and sampler give the same model
let again = fvbm(complete(4), seed: 1)
train(again, data, sampler: exact(), lr: 0.1, steps: 60, seed: 1).run()
print(again.J == m.J)                         # expect: true
# stopping before a coupling leaves the device range (seed 004's criterion)
let fast = train(fvbm(complete(4)), data, sampler: exact(), lr: 0.5, steps: 500, stop_outside: {h: (-2, 2), J: (-0.5, 0.5)})
fast.run()
print(fast.step < 500, starts_with(fast.stopped, "step {fast.step + 1}: J = "))   # expect: true true
print(all(map(values(fast.model.J), |j| abs(j) <= 0.5)))   # expect: true
# a checkpoint and resume continue exactly
let path = "/tmp/qrepl-golden-checkpoint.json"
let c = train(fvbm(complete(4), seed: 2), data, sampler: gibbs(sweeps: 5), reads: 20, batch: 3, lr: 0.05, steps: 20, seed: 5, checkpoint: path, every: 10)
c.run(steps: 12)
let r = resume(path, sampler: gibbs(sweeps: 5))
print(r.step)                                 # expect: 10
r.run()
let whole = train(fvbm(complete(4), seed: 2), data, sampler: gibbs(sweeps: 5), reads: 20, batch: 3, lr: 0.05, steps: 20, seed: 5)
whole.run()
print(r.model.J == whole.model.J, r.model.h == whole.model.h)   # expect: true true
# histories, data sets and models draw themselves
print(repr(plot(loop.history.loglik)))              # expect: Figure(plot, 1 series)
print(repr(plot(loop.history)))                     # expect: Figure(plot, 1 series: training history)
print(repr(table(loop.history)))                    # expect: Figure(table, 20 rows)
print(repr(show(data, 4)))                          # expect: Figure(4 pictures)
print(repr(heatmap(m)))                             # expect: Figure(heatmap 4 x 4: couplings J (fields h on the diagonal))
print(len(loop.history), loop.history.rows[0].step)   # expect: 60 1
