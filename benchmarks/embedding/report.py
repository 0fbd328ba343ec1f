"""Medians of qubits, longest chain and seconds per tool and clique, and qrepl / minorminer ratios."""
import statistics
import sys
from collections import defaultdict


def main(path):
    rows = defaultdict(list)
    with open(path) as f:
        for line in f:
            if not line.startswith("tool="):
                continue
            kv = dict(p.split("=", 1) for p in line.split() if "=" in p)
            rows[(kv["tool"], kv["target"], int(kv["n"]))].append(kv)
    print("| target | clique | tool | runs ok | median qubits | median max chain | median seconds |")
    print("|---|---|---|---|---|---|---|")
    medians = {}
    for (tool, target, n), rs in sorted(rows.items(), key=lambda x: (x[0][1], x[0][2], x[0][0])):
        ok = [r for r in rs if r["valid"] == "1"]
        if ok:
            q = statistics.median(int(r["qubits"]) for r in ok)
            c = statistics.median(int(r["max_chain"]) for r in ok)
            s = statistics.median(float(r["seconds"]) for r in ok)
            medians[(tool, target, n)] = (q, c, s)
            print(f"| {target} | K{n} | {tool} | {len(ok)}/{len(rs)} | {q:g} | {c:g} | {s:.2f} |")
        else:
            print(f"| {target} | K{n} | {tool} | 0/{len(rs)} | – | – | – |")
    print()
    print("ratios qrepl / minorminer (below 1 is better for qrepl): qubits, max chain, seconds")
    for (tool, target, n), (q, c, s) in sorted(medians.items()):
        if not tool.startswith("qrepl"):
            continue
        ref = medians.get(("minorminer-find", target, n))
        if ref:
            print(f"  {tool} K{n} on {target}: {q / ref[0]:.3f} {c / ref[1]:.3f} {s / max(ref[2], 1e-9):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
