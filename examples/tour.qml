# A tour of what qrepl shows: plots, histograms, heat maps, picture grids, tables, data sets,
# training histories, hardware graphs and embeddings.
# Run it as a script (`qrepl examples/tour.qml`), or as a report with every figure saved
# as SVG: `qrepl report examples/tour.qml -o reports/`. Cells start with `#%%`.
#
# quick:

#%% A ferromagnet's magnetisation against temperature
let L = 8
let H = ferromagnet(grid(L, L, periodic: true))
let temps = linspace(1.5, 3.5, 9)
let magnetisation = map(temps, |T| mean(map(sample(H, gibbs(sweeps: 100, beta: 1 / T), reads: 16, seed: 1,
                                                    initial: repeat(1, L * L)).states, |s| abs(sum(s)) / (L * L))))
plot(temps, magnetisation, title: "8x8 torus, Gibbs sampling", xlabel: "T", ylabel: "<|m|>")

#%% Two series on one plot, log scale
let betas = linspace(0.1, 2.0, 20)
plot(betas, [map(betas, |b| exp(-b)), map(betas, |b| exp(-3 * b))], labels: ["exp(-b)", "exp(-3b)"],
     logy: true, title: "Boltzmann factors", xlabel: "beta")

#%% The energy histogram of annealed states of an SK instance
let S = sk(64, seed: 2)
hist(sample(S, sa(sweeps: 200), reads: 400, seed: 3), bins: 24, title: "SK N = 64, simulated annealing")

#%% Exact correlations of a small spin glass as a heat map
let exact_set = sample(sk(10, zeta: 2, seed: 4), exact(beta: 1.0), reads: 0)
heatmap(exact_set.correlations, title: "<s_i s_j> of SK N = 10 at beta = 1")

#%% Bars and stripes as pictures, one with corrupted pixels highlighted
let bars = map(0..<4, |k| map(0..<4, |r| map(0..<4, |c| if c == k or r == k { 1 } else { 0 })))
show(bars, captions: ["bar 0", "bar 1", "bar 2", "bar 3"],
     masks: [nil, nil, map(0..<16, |i| i % 5 == 0), nil])

#%% A table of samplers on one instance
let H12 = sk(12, seed: 5)
let ref = sample(H12, exact(beta: 1.0), reads: 0)
table(map([("gibbs", gibbs(sweeps: 100)), ("sa", sa(sweeps: 100)), ("pt", pt(replicas: 4, sweeps: 100))],
          |p| {sampler: p[0], mean_energy: sample(H12, p[1], reads: 500, seed: 6).mean_energy,
               tv: tv(sample(H12, p[1], reads: 500, seed: 6), ref)}),
      title: "SK N = 12 at beta = 1")

#%% A data set as a picture grid, and a training history as a table and a plot
let digits14 = digits() |> crop(left: 1, right: 1, bottom: 1) |> select(labels: [1, 2, 3, 4]) |> binarize
show(digits14, 12)
let loop = train(fvbm(complete(42), seed: 1), digits14, sampler: gibbs(sweeps: 20), reads: 50, steps: 20, lr: 0.01, seed: 1)
loop.run()
table(loop.history)
plot(loop.history.grad_norm, title: "gradient norm while learning the digits", xlabel: "step")

#%% A hardware graph and an embedding on it, one colour per chain
let chip = dead_qubits(chimera(4), 6, seed: 1)
draw(chip)
draw(find_embedding(complete(8), chip, seed: 1))

#%% An annealing schedule
plot(schedule("dw2000q"))
