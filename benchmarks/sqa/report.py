"""Summarises a run of run.sh as a Markdown table with the speed ratios.

    python report.py OUTDIR
"""
import os
import sys


def load(path):
    with open(path) as f:
        line = f.read().strip().splitlines()[-1]
    return {k: float(v) for k, v in (item.split("=") for item in line.split())}


def main(out):
    rows = []
    for name, label in [("openjij8", "OpenJij SQASampler, 8 slices"), ("qrepl8", "qrepl sqa, 8 slices"),
                        ("openjij16", "OpenJij SQASampler, 16 slices"), ("qrepl16", "qrepl sqa, 16 slices"),
                        ("pimc", "dwave-samplers PathIntegralAnnealingSampler"),
                        ("qrepl16_all", "qrepl sqa, 16 slices, all cores (wall)")]:
        path = os.path.join(out, name)
        if os.path.exists(path):
            rows.append((name, label, load(path)))
    print("| sampler | us per spin-sweep (CPU) | us per spin-sweep (wall) | best energy | mean energy |")
    print("|---|---|---|---|---|")
    for _, label, r in rows:
        print(f"| {label} | {r['us_per_spin_sweep_cpu']:.4f} | {r['us_per_spin_sweep_wall']:.4f} | "
              f"{r['best']:.0f} | {r['mean']:.1f} |")
    by = {name: r for name, _, r in rows}
    print()
    for p in (8, 16):
        a, b = by.get(f"openjij{p}"), by.get(f"qrepl{p}")
        if a and b:
            print(f"- {p} slices: qrepl is {a['us_per_spin_sweep_cpu'] / b['us_per_spin_sweep_cpu']:.1f}x faster than "
                  f"OpenJij per spin-sweep (CPU time, one thread)")
    if "pimc" in by and "qrepl16" in by:
        print(f"- qrepl at 16 slices is {by['pimc']['us_per_spin_sweep_cpu'] / by['qrepl16']['us_per_spin_sweep_cpu']:.1f}x "
              f"faster per spin-sweep than dwave-samplers' continuous-time PIMC (CPU time, one thread)")
    if "qrepl16" in by:
        print(f"- qrepl at 16 slices: {by['qrepl16']['us_per_spin_sweep_cpu'] / 16 * 1000:.2f} ns per slice update "
              f"(target: 0.2 us per spin-sweep, 12.5 ns per slice update)")


if __name__ == "__main__":
    main(sys.argv[1])
