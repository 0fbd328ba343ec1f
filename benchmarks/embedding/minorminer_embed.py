"""minorminer's side: find_embedding of K_n into a target edge list with one seed, or
busclique's native clique. Prints one line of key=value results."""
import sys
import time

import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import dwave_networkx as dnx  # noqa: E402
import minorminer
import minorminer.busclique
import minorminer.utils
import networkx as nx


def read(path):
    g = nx.Graph()
    with open(path) as f:
        for line in f:
            if line.startswith("# nodes"):
                g.add_nodes_from(int(x) for x in line.split()[2:])
            elif line.strip():
                u, v = line.split()
                g.add_edge(int(u), int(v))
    return g


def valid(emb, source, target):
    try:
        return minorminer.utils.verify_embedding(emb, source, target) is not False
    except Exception:
        return False


def main(mode, path, n, seed, m):
    target = read(path)
    source = nx.complete_graph(n)
    start = time.perf_counter()
    if mode == "find":
        emb = minorminer.find_embedding(source.edges, target.edges, random_seed=seed)
    else:
        chip = dnx.chimera_graph(m, node_list=list(target.nodes), edge_list=list(target.edges))
        emb = minorminer.busclique.find_clique_embedding(n, chip, use_cache=False)
    seconds = time.perf_counter() - start
    if not emb:
        print(f"tool=minorminer-{mode} n={n} seed={seed} qubits=0 max_chain=0 seconds={seconds:.3f} valid=0")
        return
    chains = [emb[v] for v in source.nodes]
    print(f"tool=minorminer-{mode} n={n} seed={seed} qubits={sum(len(c) for c in chains)} "
          f"max_chain={max(len(c) for c in chains)} seconds={seconds:.3f} valid={int(valid(emb, source, target))}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
