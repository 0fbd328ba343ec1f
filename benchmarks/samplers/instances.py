"""Writes the benchmark instances as dimod COO text ("i j bias"; "i i bias" for a field).

    python instances.py OUTDIR

c16.coo     Chimera C16 (16x16 cells of K4,4, 2048 spins, 6016 couplers, D-Wave's node
            numbering), couplings +1/-1 with equal probability, no fields.
sk200.coo   Sherrington-Kirkpatrick, N = 200, every pair coupled, J ~ N(0, 1), no fields.
fm128.coo   128 x 128 square lattice with periodic boundaries, J = -1 (ferromagnet).
dense24.coo 24 spins, every pair coupled, J ~ N(0, 1/24), h ~ N(0, 0.01): for exact enumeration.
"""
import os
import sys

import numpy as np


def chimera_edges(m, t=4):
    """Edges of the Chimera graph C_m with shore size t, D-Wave's linear numbering:
    node (row i, column j, side u, index k) is ((i*m + j)*2 + u)*t + k."""
    def node(i, j, u, k):
        return ((i * m + j) * 2 + u) * t + k
    edges = []
    for i in range(m):
        for j in range(m):
            for k in range(t):
                for k2 in range(t):
                    edges.append((node(i, j, 0, k), node(i, j, 1, k2)))   # inside the cell
                if i + 1 < m:
                    edges.append((node(i, j, 0, k), node(i + 1, j, 0, k)))  # vertical, between cells
                if j + 1 < m:
                    edges.append((node(i, j, 1, k), node(i, j + 1, 1, k)))  # horizontal, between cells
    return 2 * m * m * t, edges


def write(path, n, fields, couplings):
    with open(path, "w") as f:
        f.write(f"# {n} spins\n")
        for i, h in fields:
            f.write(f"{i} {i} {h!r}\n")
        for (i, j), b in couplings:
            f.write(f"{min(i, j)} {max(i, j)} {b!r}\n")


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(2024)
    n, edges = chimera_edges(16)
    signs = rng.choice([-1, 1], size=len(edges))
    write(os.path.join(out, "c16.coo"), n, [], [(e, int(s)) for e, s in zip(edges, signs)])
    write(os.path.join(out, "sk200.coo"), 200, [],
          [((i, j), float(rng.standard_normal())) for i in range(200) for j in range(i + 1, 200)])
    side = 128
    lattice = []
    for r in range(side):
        for c in range(side):
            v = r * side + c
            lattice.append(((v, r * side + (c + 1) % side), -1))
            lattice.append(((v, ((r + 1) % side) * side + c), -1))
    write(os.path.join(out, "fm128.coo"), side * side, [], lattice)
    write(os.path.join(out, "dense24.coo"), 24, [(i, float(0.1 * rng.standard_normal())) for i in range(24)],
          [((i, j), float(rng.standard_normal() / np.sqrt(24))) for i in range(24) for j in range(i + 1, 24)])


if __name__ == "__main__":
    main(sys.argv[1])
