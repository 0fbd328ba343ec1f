"""Brute-force log Z and ground energy with numpy, as a reference for `bench exact`.

    python numpy_exact.py INSTANCE [BETA]

Enumerates all 2^n states in chunks of 2^18 (energies by matrix products), then
log Z by log-sum-exp; prints one line of key=value.
"""
import sys
import time

import numpy as np

import coo

path = sys.argv[1]
beta = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
h, J = coo.dense(path)
n = len(h)
t0 = time.perf_counter()
chunk = 1 << min(n, 18)
bits = np.arange(n)
best = np.inf
logs = []
for start in range(0, 1 << n, chunk):
    k = np.arange(start, start + chunk, dtype=np.int64)
    s = ((k[:, None] >> bits) & 1) * 2.0 - 1.0
    e = s @ h + 0.5 * np.einsum("ij,ij->i", s @ J, s)
    best = min(best, e.min())
    x = -beta * e
    top = x.max()
    logs.append(top + np.log(np.exp(x - top).sum()))
logs = np.array(logs)
top = logs.max()
log_z = top + np.log(np.exp(logs - top).sum())
seconds = time.perf_counter() - t0
print(f"seconds={seconds} states_per_s={(1 << n) / seconds} log_z={log_z} ground={best}")
