"""Writes the SQA benchmark instance as dimod COO text ("i j bias").

    python instances.py OUTDIR

c16.coo   Chimera C16 from dwave-networkx (16x16 cells of K4,4, 2048 spins, 6016
          couplers), couplings +1/-1 with equal probability, no fields.
"""
import os
import sys

import dwave_networkx as dnx
import numpy as np


def main(out):
    os.makedirs(out, exist_ok=True)
    g = dnx.chimera_graph(16)
    rng = np.random.default_rng(2024)
    edges = sorted((min(u, v), max(u, v)) for u, v in g.edges)
    signs = rng.choice([-1, 1], size=len(edges))
    with open(os.path.join(out, "c16.coo"), "w") as f:
        f.write(f"# chimera C16, {g.number_of_nodes()} spins, {len(edges)} couplers, J = +-1\n")
        for (i, j), s in zip(edges, signs):
            f.write(f"{i} {j} {int(s)}\n")
    print(f"c16.coo: {g.number_of_nodes()} spins, {len(edges)} couplers")


if __name__ == "__main__":
    main(sys.argv[1])
