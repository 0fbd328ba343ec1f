# qrepl's RBM on the same digits with scikit-learn's BernoulliRBM settings: persistent
# contrastive divergence with one Gibbs step and as many chains as the batch (10),
# learning rate 0.1, no momentum or weight decay, weights normal(0, 0.01).
# Arguments: the output folder, the number of hidden units, the number of epochs.
let out = args[0]
let hidden = int(args[1])
let epochs = int(args[2])
let x = load_tensor("{out}/digits.npy")
let m = rbm(64, hidden, seed: 0)
let h = m.fit(x, method: "pcd", k: 1, epochs: epochs, batch: 10, lr: 0.1, seed: 0, every: epochs)
m.W.save("{out}/q{hidden}_W.npy")
m.b.save("{out}/q{hidden}_b.npy")
m.c.save("{out}/q{hidden}_c.npy")
let seconds = h.seconds[-1]
print("\{\"tool\": \"qrepl\", \"hidden\": {hidden}, \"epochs\": {epochs}, \"seconds\": {seconds}, \"per_epoch\": {seconds / epochs}, \"score_samples\": {m.pseudo_loglik(x)}\}")
