# Seed 000: restricted Boltzmann machines on the 8 x 8 OptDigits pictures (1797 of them).
# Three negative phases side by side on the binarised pixels: CD-1, persistent CD, and
# samples of the machine's QUBO form from a sampler (the gray-box approach of the QRBM);
# learning curves by the AIS estimate of the log-likelihood, samples from each machine,
# and classification of held-out digits by a joint RBM over grey levels and a one-hot
# label, with p(y | x) computed exactly from free energies (target: at least 95 %).
#
# quick: --quick
# Run: qrepl examples/rbm_digits.qml [--quick]

#%% The data: binarised pixels for the generative comparison, grey levels for classification
let quick = contains(args, "--quick")
let started = clock()
let d = digits()
let bits = (tensor(d |> binarize) + 1) / 2
let grey = tensor(d) / 16
let labels = d.labels
let n = len(labels)
let order = shuffle(range(n), seed: 1)
let cut = n * 7 // 10
let train_rows = if quick { order[0..<300] } else { order[0..<cut] }
let test_rows = if quick { order[cut..<(cut + 100)] } else { order[cut..<n] }
print("{n} pictures: {len(train_rows)} for training, {len(test_rows)} held out")

#%% Generative training with three negative phases; log-likelihood by AIS after every epoch
let hidden = if quick { 16 } else { 64 }
let epochs = if quick { 1 } else { 10 }
let chains = if quick { 20 } else { 100 }
let betas = if quick { 200 } else { 5000 }
let reads = if quick { 20 } else { 100 }
let x = bits[train_rows]
fn curve(method, sampler, batch) {
    let m = rbm(64, hidden, seed: 1)
    var lls = []
    for e in 0..<epochs {
        if method == "sampler" {
            m.fit(x, method: "sampler", sampler: sampler, reads: reads, epochs: 1, batch: batch, lr: 0.05, seed: e)
        } else {
            m.fit(x, method: method, epochs: 1, batch: batch, lr: 0.05, momentum: 0.5, seed: e)
        }
        lls.append(m.loglik(x, log_z: ais(m, chains: chains, betas: betas, seed: e)))
    }
    (m, lls)
}
let (cd, cd_ll) = curve("cd", nil, 10)
let (pcd, pcd_ll) = curve("pcd", nil, 10)
let (gray, gray_ll) = curve("sampler", gibbs(sweeps: 10), 100)
print("AIS log-likelihood per picture after {epochs} epochs: CD-1 {format(cd_ll[-1], 2)}, PCD {format(pcd_ll[-1], 2)}, sampler {format(gray_ll[-1], 2)}")
plot([cd_ll, pcd_ll, gray_ll], labels: ["CD-1", "PCD", "gibbs sampler"], xlabel: "epoch", ylabel: "log-likelihood (AIS)",
     title: "RBM 64 x {hidden} on binarised digits")
show(cd.sample(8, seed: 1).to_list() + pcd.sample(8, seed: 2).to_list(), width: 8, cols: 8,
     title: "samples: CD-1 (top), PCD (bottom)")

#%% Classification: a joint RBM over grey levels and the one-hot class
let onehot = stack(map(labels, |k| eye(10)[k]))
let joint = concat([grey, onehot], axis: 1)
let c = rbm(64 + 10, if quick { 50 } else { 100 }, labels: 10, seed: 1)
c.fit(joint[train_rows], epochs: if quick { 3 } else { 100 }, batch: 10, lr: 0.5, momentum: 0.5, l2: 1e-4,
      discriminative: 1, generative: 0.01, seed: 1)
let predicted = classify(c, grey[test_rows])
var right = 0
for (k, row) in enumerate(test_rows) { if predicted[k] == labels[row] { right = right + 1 } }
let accuracy = right / len(test_rows)
print("held-out accuracy: {format(100 * accuracy, 1)} % of {len(test_rows)} digits")

record("loglik_cd1", cd_ll[-1])
record("loglik_pcd", pcd_ll[-1])
record("loglik_sampler", gray_ll[-1])
record("accuracy", accuracy)
record("seconds", clock() - started)
