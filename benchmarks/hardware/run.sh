#!/usr/bin/env bash
# Hardware-graph generation side by side: dwave-networkx's chimera_graph(16),
# pegasus_graph(16) and zephyr_graph(12) against qrepl's generators, best of REPEATS runs
# each, with the same node and edge counts checked. See README.md.
#
# Environment: SCRATCH (SwiftPM scratch dir, default .build), VENV (default
# /tmp/qrepl-bench-venv), OUT (results, default /tmp/qrepl-bench-hardware), REPEATS (default 20).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-bench-hardware}"
REPEATS="${REPEATS:-20}"
mkdir -p "$OUT"

bench_driver hwbench
bench_venv "dwave_networkx" dwave-networkx
"$PY" -W ignore -c "import dwave_networkx; print('dwave-networkx', dwave_networkx.__version__)"

"$PY" "$HERE/dnx_graphs.py" "$REPEATS" > "$OUT/dnx.txt"
"$OUT/hwbench" "$REPEATS" > "$OUT/qrepl.txt"

echo
printf "%-10s %6s %6s %12s %12s %8s\n" lattice nodes edges dnx_s qrepl_s speedup
paste "$OUT/dnx.txt" "$OUT/qrepl.txt" | while read -r name n e t1 name2 n2 e2 t2; do
    if [ "$n" != "$n2" ] || [ "$e" != "$e2" ]; then echo "$name: counts differ ($n/$e vs $n2/$e2)"; exit 1; fi
    printf "%-10s %6s %6s %12s %12s %7.1fx\n" "$name" "$n" "$e" "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
done
