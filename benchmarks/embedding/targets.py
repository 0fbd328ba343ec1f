"""Writes the benchmark's target graphs as edge lists ("u v" per line, "# nodes ..." first):
C12 (D-Wave 2X size) with 55 dead qubits chosen by a fixed seed, as in the seed paper's
chip, and a perfect C16. Both tools read the same files."""
import random
import sys

import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import dwave_networkx as dnx  # noqa: E402


def write(graph, path):
    with open(path, "w") as f:
        f.write("# nodes " + " ".join(str(n) for n in sorted(graph.nodes)) + "\n")
        for u, v in graph.edges:
            f.write(f"{u} {v}\n")


def main(out):
    c12 = dnx.chimera_graph(12)
    dead = random.Random(2015).sample(sorted(c12.nodes), 55)
    c12.remove_nodes_from(dead)
    write(c12, f"{out}/c12_dead55.txt")
    write(dnx.chimera_graph(16), f"{out}/c16.txt")
    print(f"c12 with 55 dead qubits: {c12.number_of_nodes()} qubits, {c12.number_of_edges()} couplers")


if __name__ == "__main__":
    main(sys.argv[1])
