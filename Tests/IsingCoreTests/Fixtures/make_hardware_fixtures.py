#!/usr/bin/env python3
"""Regenerates the hardware-graph fixtures that HardwareGraphTests.swift reads.

Run from anywhere with a Python that has dwave-networkx:

    python3 -m venv /tmp/dnxenv && /tmp/dnxenv/bin/pip install dwave-networkx
    /tmp/dnxenv/bin/python Tests/IsingCoreTests/Fixtures/make_hardware_fixtures.py

Each file holds one graph as dwave-networkx builds it with integer labels: its nodes
(ascending), its edges (each as [smaller, larger], sorted), the coordinates that
dwave-networkx stores for every node, and the node and edge counts of the same family for
a range of sizes. The files were made with dwave-networkx 0.8.19 (see versions.txt).
"""
import json
import os

import dwave_networkx as dnx

HERE = os.path.dirname(os.path.abspath(__file__))


def dump(name, graph, index_key, extra):
    nodes = sorted(graph.nodes())
    edges = sorted([min(a, b), max(a, b)] for a, b in graph.edges())
    coordinates = [list(graph.nodes[v][index_key]) for v in nodes]
    doc = {"name": graph.name, "nodes": nodes, "edges": edges, "coordinates": coordinates}
    doc.update(extra)
    with open(os.path.join(HERE, name), "w") as f:
        f.write(json.dumps(doc, separators=(",", ":")) + "\n")


def counts(make, sizes):
    out = []
    for args in sizes:
        g = make(*args)
        out.append({"args": list(args), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()})
    return out


def main():
    dump("hardware_chimera_2_2_4.json", dnx.chimera_graph(2, 2, 4), "chimera_index",
         {"counts": counts(dnx.chimera_graph, [(1, 1, 4), (2, 3, 4), (4, 4, 2), (12, 12, 4), (16, 16, 4), (3, 5, 6)])})
    dump("hardware_chimera_2_3_3.json", dnx.chimera_graph(2, 3, 3), "chimera_index", {})
    pegasus_counts = counts(dnx.pegasus_graph, [(m,) for m in range(2, 17)])
    dump("hardware_pegasus_2.json", dnx.pegasus_graph(2), "pegasus_index", {"counts": pegasus_counts})
    dump("hardware_pegasus_3.json", dnx.pegasus_graph(3), "pegasus_index", {})
    dump("hardware_pegasus_4.json", dnx.pegasus_graph(4), "pegasus_index", {})
    zephyr_counts = counts(dnx.zephyr_graph, [(m, t) for m in range(1, 13) for t in (1, 2, 4)])
    dump("hardware_zephyr_1_2.json", dnx.zephyr_graph(1, 2), "zephyr_index", {"counts": zephyr_counts})
    dump("hardware_zephyr_2_4.json", dnx.zephyr_graph(2, 4), "zephyr_index", {})
    dump("hardware_zephyr_3_2.json", dnx.zephyr_graph(3, 2), "zephyr_index", {})


if __name__ == "__main__":
    main()
