"""Collects the JSON lines of run.sh into a Markdown table with the speed ratio."""
import json
import sys

out = sys.argv[1]
rows = [json.loads(line) for line in open(f"{out}/results.jsonl") if line.strip()]
peak = next(r["sgemm_gflops"] for r in rows if "sgemm_gflops" in r)
print("| hidden | sklearn s/epoch | qrepl s/epoch | speed-up | qrepl GFLOP/s | full PL sklearn | full PL qrepl | 1-flip PL sklearn | 1-flip PL qrepl |")
print("|---|---|---|---|---|---|---|---|---|")
for hidden in sorted({r["hidden"] for r in rows if "hidden" in r}):
    sk = next(r for r in rows if r.get("tool") == "sklearn" and r["hidden"] == hidden)
    q = next(r for r in rows if r.get("tool") == "qrepl" and r["hidden"] == hidden)
    ev = next(r for r in rows if "sklearn" in r and r["hidden"] == hidden)
    # Per batch of B rows, PCD-1 does five B x 64 x hidden products: 10 B 64 hidden flops.
    flops = 10 * 1797 * 64 * hidden
    print(f"| {hidden} | {sk['per_epoch']:.4f} | {q['per_epoch']:.4f} | {sk['per_epoch'] / q['per_epoch']:.1f}x "
          f"| {flops / q['per_epoch'] / 1e9:.1f} | {ev['sklearn']['full_pseudo_loglik']:.2f} | {ev['qrepl']['full_pseudo_loglik']:.2f} "
          f"| {ev['sklearn']['sampled_pseudo_loglik']:.2f} | {ev['qrepl']['sampled_pseudo_loglik']:.2f} |")
print()
print(f"Machine sgemm (numpy/OpenBLAS, 2048^3, all cores): {peak:.1f} GFLOP/s.")
