"""The other side of the clique benchmark (cliques.sh): writes the Pegasus and Zephyr
targets as edge lists, and embeds K_n into one with busclique's native clique embedder
or minorminer's find_embedding. Prints one line of key=value results."""
import random
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import dwave_networkx as dnx  # noqa: E402
import minorminer  # noqa: E402
import minorminer.busclique  # noqa: E402
import minorminer.utils  # noqa: E402
import networkx as nx  # noqa: E402

LATTICES = {"p16": lambda: dnx.pegasus_graph(16), "z12": lambda: dnx.zephyr_graph(12)}


def write(graph, path):
    with open(path, "w") as f:
        f.write("# nodes " + " ".join(str(n) for n in sorted(graph.nodes)) + "\n")
        for u, v in graph.edges:
            f.write(f"{u} {v}\n")


def targets(out):
    """Each lattice perfect and without 50 qubits chosen with a fixed seed."""
    for name, make in LATTICES.items():
        g = make()
        write(g, f"{out}/{name}.txt")
        dead = random.Random(2024).sample(sorted(g.nodes), 50)
        g.remove_nodes_from(dead)
        write(g, f"{out}/{name}_dead50.txt")
        print(f"{name}: {len(g) + 50} qubits; {name}_dead50: {len(g)} qubits, {g.number_of_edges()} couplers")


def read(path, lattice):
    nodes, edges = [], []
    with open(path) as f:
        for line in f:
            if line.startswith("# nodes"):
                nodes = [int(x) for x in line.split()[2:]]
            elif line.strip():
                u, v = line.split()
                edges.append((int(u), int(v)))
    if lattice.startswith("p"):
        return dnx.pegasus_graph(int(lattice[1:]), node_list=nodes, edge_list=edges)
    return dnx.zephyr_graph(int(lattice[1:]), node_list=nodes, edge_list=edges)


def embed(mode, path, lattice, n, seed):
    target = read(path, lattice)
    source = nx.complete_graph(n)
    start = time.perf_counter()
    if mode == "busclique":
        emb = minorminer.busclique.find_clique_embedding(n, target, use_cache=False)
    else:
        emb = minorminer.find_embedding(source.edges, target.edges, random_seed=seed)
    seconds = time.perf_counter() - start
    ok = bool(emb) and minorminer.utils.verify_embedding(emb, source, target) is not False if emb else False
    chains = [emb[v] for v in source.nodes] if emb and len(emb) == n else []
    qubits = sum(len(c) for c in chains)
    longest = max((len(c) for c in chains), default=0)
    print(f"tool=minorminer-{mode} n={n} seed={seed} qubits={qubits} max_chain={longest} seconds={seconds:.3f} valid={int(ok)}")


if __name__ == "__main__":
    if sys.argv[1] == "targets":
        targets(sys.argv[2])
    else:
        embed(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
