# The device model: presets, its graph and ranges, placement and range errors, timing.
let qpu = annealer("dw2x")
print(qpu.graph)
# expect: Graph(1097 nodes, 3046 edges: chimera(12) with 55 dead qubits)
print(qpu.h_range, qpu.j_range)
# expect: (-2.0, 2.0) (-1.0, 1.0)
let small = annealer(graph: chimera(1), noise: 0, sweeps: 64)
let H = ising(h: {0: 0.5}, J: {(0, 4): -2, (1, 5): 1})
let s = sample(H, small, reads: 10, seed: 1)
print(s.info.scale_factor)
# expect: 2.0
print(s.timing.qpu_access_time, s.timing.qpu_sampling_time)
# expect: 11640.0 1640.0
print(s.lowest.energy)
# expect: -3.5
try { sample(ising(J: {(0, 1): 1}), small) } catch e { print(e.message) }
# expect: sample: the coupling (0, 1) is not a working coupler of custom
try { sample(ising(h: {99: 1}), small) } catch e { print(e.message) }
# expect: sample: variable 99 is not a working qubit of custom (absent or dead); embed the problem first
let strict = annealer(graph: chimera(1), auto_scale: false)
try { sample(H, strict) } catch e { print(e.message) }
# expect: sample: J of (0, 4) is -2.0, outside j_range (-1.0, 1.0); use auto_scale: true or scale the model
try { annealer(time: 5) } catch e { print(e.message) }
# expect: annealer: `time` must be between 0.5us and 2000.0us, got 5.0 s
try { annealer("dw3") } catch e { print(e.message) }
# expect: annealer: there is no device called "dw3"; the presets are "dw2x", "dw2000q" and "advantage"
try { annealer(dynamics: "magic") } catch e { print(e.message) }
# expect: annealer: `dynamics` must be "freeze_out", "sqa" or "qbm", got "magic"
try { annealer(noise: (h: 0.1, K: 2)) } catch e { print(e.message) }
# expect: annealer: `noise` has no part `K`
try { annealer(dynamics: "qbm", freeze_out: 1.5) } catch e { print(e.message) }
# expect: annealer: freeze_out must be in (0, 1], got 1.5
try { annealer(bias: (h: 0.1, Q: 2)) } catch e { print(e.message) }
# expect: annealer: `bias` has no part `Q`
try { annealer(bias: -1) } catch e { print(e.message) }
# expect: annealer: bias must be finite and not negative, got (h: -1.0, J: -1.0)
print(annealer("dw2x", bias: (h: 0.1)).settings.bias)
# expect: (h: 0.1, J: 0.0)
print(annealer("dw2000q").settings.dynamics)
# expect: freeze-out annealing to s* = 0.315 (beta_eff 3.191), 256 sweeps
