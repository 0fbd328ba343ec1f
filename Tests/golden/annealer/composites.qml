# Composites: clamping (exact and strong-field), spin-reversal transforms, estimate_beta.
let H = random_ising(grid(3, 3), seed: 4)
let c = sample(H, clamped(exact(), {0: 1, 8: -1}), reads: 200, seed: 2)
print(all(map(c.states, |s| s[0] == 1 && s[8] == -1)))
# expect: true
print(c.info.clamp_strength)
# expect: exact
let strong = sample(H, clamped(sa(sweeps: 100), {4: -1}, strength: 10), reads: 50, seed: 3)
print(strong.info.clamp_violations, all(map(strong.states, |s| s[4] == -1)))
# expect: 0 true
let dev = annealer(graph: grid(3, 3), noise: 0, sweeps: 64)
print(clamped(dev, {0: 1}).settings.strength)
# expect: 2.0
let g = sample(H, spin_reversal(exact(), transforms: 4), reads: 20000, seed: 5)
print(kl(g, sample(H, exact())) < 0.01)
# expect: true
print(abs(estimate_beta(sample(H, exact(beta: 0.8), reads: 20000, seed: 6), H) - 0.8) < 0.03)
# expect: true
try { clamped(sa(), {0: 2}) } catch e { print(e.message) }
# expect: clamped: the clamped value of 0 must be -1 or +1 (or 0/1 for binaries), got 2
try { sample(H, clamped(exact(), {"x": 1})) } catch e { print(e.message) }
# expect: sample: clamped variable x is not a variable of the model
try { spin_reversal(sa(), transforms: 0) } catch e { print(e.message) }
# expect: spin_reversal: transforms must be at least 1, got 0
let qpu = annealer("dw2x", noise: 0)
let small = random_ising(chimera(1), seed: 1)
let t = sample(small, tiled(qpu), reads: 1000, seed: 1)
print(t.info.copies, len(t.states), t.info.scale_factor)
# expect: 97 1000 1.0
print(t.lowest.energy == sample(small, exact()).ground_energy)
# expect: true
try { tiled(sa()) } catch e { print(e.message) }
# expect: tiled: tiled needs an annealer sampler (a device with a hardware graph), got sa
try { sample(small, tiled(qpu, copies: 500)) } catch e { print(e.message) }
# expect: sample: only 97 copies of the problem fit on dw2x (asked for 500); dead qubits block the other places
# Clamping through an embedding puts the strong field on every qubit of the chain.
let chip = annealer(graph: chimera(2), noise: 0, sweeps: 64)
let emb = find_embedding(complete(5), chip.graph, seed: 1)
let K5 = random_ising(complete(5), seed: 3)
let through = clamped(embedded(chip, emb), {0: 1, 2: -1})
print(through.settings.strength)
# expect: 2.0
let ce = sample(K5, through, reads: 50, seed: 1)
print(all(map(ce.states, |x| x[0] == 1 && x[2] == -1)), ce.info.clamp_violations)
# expect: true 0
