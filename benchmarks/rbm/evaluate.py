"""The same measures for both tools' trained machines: the full pseudo-log-likelihood
(Σ_i log p(v_i | v_-i), mean over rows, deterministic) and scikit-learn's one-random-flip
estimate (64 · log σ(F(v') - F(v))) averaged over 20 draws."""
import json
import sys

import numpy as np

out, hidden = sys.argv[1], int(sys.argv[2])
x = np.load(f"{out}/digits.npy")


def softplus(a):
    return np.logaddexp(0, a)


def free_energy(v, w, b, c):
    return -v @ b - softplus(v @ w + c).sum(axis=1)


def measures(prefix):
    w, b, c = (np.load(f"{out}/{prefix}{hidden}_{k}.npy").astype(np.float64) for k in "Wbc")
    f = free_energy(x, w, b, c)
    full = np.zeros(len(x))
    for i in range(x.shape[1]):
        flipped = x.copy()
        flipped[:, i] = 1 - flipped[:, i]
        full += -softplus(-(free_energy(flipped, w, b, c) - f))
    rng = np.random.default_rng(0)
    one = []
    for _ in range(20):
        flipped = x.copy()
        idx = rng.integers(0, x.shape[1], len(x))
        flipped[np.arange(len(x)), idx] = 1 - flipped[np.arange(len(x)), idx]
        one.append((x.shape[1] * -softplus(-(free_energy(flipped, w, b, c) - f))).mean())
    return {"full_pseudo_loglik": float(full.mean()), "sampled_pseudo_loglik": float(np.mean(one))}


print(json.dumps({"hidden": hidden, "sklearn": measures("sk"), "qrepl": measures("q")}))
