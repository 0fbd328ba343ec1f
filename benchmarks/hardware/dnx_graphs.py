"""Times dwave-networkx's generators on the same lattices as bench.swift: the best of
`repeats` runs, printed as "name nodes edges seconds"."""
import sys
import time
import warnings

warnings.simplefilter("ignore")
import dwave_networkx as dnx  # noqa: E402

repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
cases = [
    ("chimera16", lambda: dnx.chimera_graph(16)),
    ("pegasus16", lambda: dnx.pegasus_graph(16)),
    ("zephyr12", lambda: dnx.zephyr_graph(12)),
]
for name, make in cases:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        g = make()
        best = min(best, time.perf_counter() - start)
    print(name, g.number_of_nodes(), g.number_of_edges(), "%.6f" % best)
