"""Reads the benchmark's COO text files into dimod and numpy."""
import numpy as np


def read(path):
    """(n, h dict, J dict) from "i j bias" lines ("i i bias" is a field)."""
    h, J, n = {}, {}, 0
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b, v = line.split()
            a, b, v = int(a), int(b), float(v)
            n = max(n, a + 1, b + 1)
            if a == b:
                h[a] = h.get(a, 0.0) + v
            else:
                J[(a, b)] = J.get((a, b), 0.0) + v
    return n, h, J


def dense(path):
    """(h vector, symmetric J matrix with zero diagonal)."""
    n, h, J = read(path)
    hv = np.zeros(n)
    Jm = np.zeros((n, n))
    for i, v in h.items():
        hv[i] = v
    for (i, j), v in J.items():
        Jm[i, j] += v
        Jm[j, i] += v
    return hv, Jm
