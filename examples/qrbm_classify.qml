# Seed 000's QRBM: a restricted Boltzmann machine over the pixels of digits and their
# one-hot class, trained with its negative phase sampled by the simulated D-Wave 2000Q
# (the RBM's energy as a QUBO, eqs. 1 and 11, embedded in the Chimera graph through a
# native clique embedding with majority-vote decoding). The trained machine classifies
# held-out pictures by p(y | x) computed exactly from free energies.
#
# Data: seed 004's preprocessing of the OptDigits test set (7 x 6 crops of the digits
# 1-4, binarised), 723 pictures: two thirds for training, one third held out.
#
# quick: --quick
# Run: qrepl examples/qrbm_classify.qml [--quick]

#%% The data and the machine
let quick = contains(args, "--quick")
let started = clock()
let pictures = digits() |> crop(left: 1, right: 1, bottom: 1) |> select(labels: [1, 2, 3, 4]) |> binarize
let (train_set, test_set) = split(pictures, 2 / 3, seed: 1)
fn one_hot_block(d) { stack(map(d.labels, |k| eye(4)[k - 1])) }
let x = (tensor(train_set) + 1) / 2
let joint = concat([x, one_hot_block(train_set)], axis: 1)
let hidden = if quick { 4 } else { 16 }
let m = rbm(42 + 4, hidden, labels: 4, seed: 1)
print("{train_set.size} training and {test_set.size} held-out pictures; the joint RBM has {m.visible} visible and {hidden} hidden units")

#%% The annealer and the embedding of the RBM's bipartite graph
let qpu = annealer("dw2000q")
let emb = clique_embedding(m.visible + hidden, qpu.graph)
print("{m.visible + hidden} logical variables on {emb.qubits} qubits, longest chain {emb.max_chain}")

#%% Training with annealer samples as the negative phase
let steps = if quick { 2 } else { 300 }
let t0 = clock()
let loop = train(m, dataset(joint.to_list()), method: "sampler", sampler: embedded(qpu, emb), reads: if quick { 10 } else { 100 },
                 batch: 50, lr: 0.05, momentum: 0.5, l2: 1e-4, steps: steps, seed: 1)
loop.run()
print("{steps} updates in {format(clock() - t0, 1)} s")

#%% Classification of the held-out pictures
let predicted = classify(m, (tensor(test_set) + 1) / 2)
var right = 0
for (k, y) in enumerate(test_set.labels) { if predicted[k] == y - 1 { right = right + 1 } }
let accuracy = right / test_set.size
print("held-out accuracy: {format(100 * accuracy, 1)} % of {test_set.size} pictures (chance: 25 %)")
record("accuracy", accuracy)
record("seconds", clock() - started)
