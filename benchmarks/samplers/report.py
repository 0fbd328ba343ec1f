"""Collects the key=value lines of one benchmark run into a Markdown table.

    python report.py RESULTS_DIR
"""
import os
import sys


def load(path):
    out = {}
    with open(path) as f:
        for line in f:
            for field in line.split():
                if "=" in field:
                    k, v = field.split("=", 1)
                    try:
                        out[k] = float(v)
                    except ValueError:
                        out[k] = v
    return out


def main(d):
    cases = [line.split() for line in open(os.path.join(d, "cases.txt")) if line.strip()]
    print("| case | spins | reads x sweeps | dwave-samplers M/s | qrepl 1 thread M/s | ratio | qrepl all cores M/s "
          "| best (dwave / qrepl) | mean ± s.e. (dwave / qrepl) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, n, reads, sweeps, cores in cases:
        dw = load(os.path.join(d, f"{name}.dwave"))
        q1 = load(os.path.join(d, f"{name}.qrepl1"))
        qa = load(os.path.join(d, f"{name}.qrepl_all"))
        ratio = q1["updates_per_s"] / dw["updates_per_s"]
        print(f"| {name} | {n} | {reads} x {sweeps} | {dw['updates_per_s'] / 1e6:.1f} | {q1['updates_per_s'] / 1e6:.1f} "
              f"| {ratio:.2f}x | {qa['updates_per_s'] / 1e6:.1f} ({cores} threads) | {dw['best']:.6g} / {q1['best']:.6g} "
              f"| {dw['mean']:.6g} ± {dw['sem']:.2g} / {q1['mean']:.6g} ± {q1['sem']:.2g} |")
    ex = os.path.join(d, "exact.qrepl1")
    if os.path.exists(ex):
        q1, qa, npy = load(ex), load(os.path.join(d, "exact.qrepl_all")), load(os.path.join(d, "exact.numpy"))
        print()
        print("| exact, 24 dense spins | seconds | M states/s | log Z |")
        print("|---|---|---|---|")
        print(f"| numpy brute force | {npy['seconds']:.2f} | {npy['states_per_s'] / 1e6:.1f} | {npy['log_z']:.12g} |")
        print(f"| qrepl exact(), 1 thread | {q1['seconds']:.3f} | {q1['states_per_s'] / 1e6:.1f} | {q1['log_z']:.12g} |")
        print(f"| qrepl exact(), all cores | {qa['seconds']:.3f} | {qa['states_per_s'] / 1e6:.1f} | {qa['log_z']:.12g} |")


if __name__ == "__main__":
    main(sys.argv[1])
