# Annealing schedules: device tables, the linear schedule, anneal paths and their checks.
let dw = schedule("dw2000q")
print(dw)
# expect: Schedule(dw2000q, GHz, path: forward)
print(dw.units, dw.a(0), dw.b(1), dw.a(0.5), dw.b(0.5))
# expect: GHz 9.965879 11.97718 1.2475435 3.444262
print(round(dw.a(0.525), digits: 4), dw.b(0.525))
# expect: 0.9772 3.742905
print(schedule("advantage").b([0, 1]))
# expect: [0.2596733, 8.586335]
let lin = linear_schedule(gamma: 1.5)
print(lin, lin.a(0.25), lin.b(0.25))
# expect: Schedule(linear, model units, path: forward) 2.25 0.5
let p = dw.with_path([(0us, 0), (2us, 0.4), (8us, 0.4), (10us, 1)])
print(p.path, p.is_reverse, round(p.duration / 1us, digits: 6))
# expect: [(0.0, 0.0), (2e-06, 0.4), (8e-06, 0.4), (1e-05, 1.0)] false 10.0
print(round(p.at(0.1), digits: 6), p.at(0.5), p.at(0.9))
# expect: 0.2 0.4 0.7
let r = dw.reverse(0.45, pause: 0.5, ramp: 0.25)
print(r, r.path)
# expect: Schedule(dw2000q, GHz, path: reverse, 4 points) [(0.0, 1.0), (0.25, 0.45), (0.75, 0.45), (1.0, 1.0)]
print(dw.paused(0.5, pause: 0.2).path)
# expect: [(0.0, 0.0), (0.4, 0.5), (0.6000000000000001, 0.5), (1.0, 1.0)]
print(schedule([(0, 2, 0), (0.5, 1, 1), (1, 0, 2)], units: "model").a(0.75))
# expect: 0.5
try { schedule("dw9000") } catch e { print(e.message) }
# expect: schedule: unknown schedule "dw9000"; the built-in ones are "dw2000q", "advantage" and "linear"
try { dw.with_path([(0, 0), (0, 1)]) } catch e { print(e.message) }
# expect: with_path: anneal path times must increase strictly, but point 1 has t = 0.0 after 0.0
try { dw.with_path([(0, 0), (1, 2)]) } catch e { print(e.message) }
# expect: with_path: anneal path point 1 has s = 2.0, outside [0, 1]
try { schedule("advantage", gamma: 2) } catch e { print(e.message) }
# expect: schedule: `gamma` applies to the linear schedule only
try { schedule([(0, 1, 0), (0.5, 1, 1)]) } catch e { print(e.message) }
# expect: schedule: a schedule table must run from s = 0 to s = 1, got 0.0 to 0.5
print([plot(dw)])
# expect: [Figure(plot, 2 series: dw2000q schedule)]
