#!/usr/bin/env bash
# Minor embedding side by side: minorminer's find_embedding (and busclique's native
# clique) against qrepl's find_embedding and clique_embedding, embedding K15, K42, K46
# into a Chimera C12 with 55 dead qubits (the D-Wave 2X of the seed paper) and K60 into
# a perfect C16, five seeds each. Prints median qubits, longest chain and seconds per
# tool and the qrepl / minorminer ratios. See README.md.
#
# Environment: SCRATCH (SwiftPM scratch dir, default .build), VENV (default
# /tmp/qrepl-bench-venv), OUT (results, default /tmp/qrepl-bench-embedding),
# SEEDS (default "1 2 3 4 5").
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-bench-embedding}"
SEEDS="${SEEDS:-1 2 3 4 5}"
CORES="$(nproc 2>/dev/null || sysctl -n hw.ncpu)"
mkdir -p "$OUT"

bench_driver qembed
bench_venv "minorminer, dwave_networkx" minorminer dwave-networkx
"$PY" -c "import minorminer, dwave_networkx; print('minorminer', minorminer.__version__, 'dwave-networkx', dwave_networkx.__version__)"

echo "== targets"
"$PY" "$HERE/targets.py" "$OUT"

# target-file m cliques
CASES="c12_dead55 12 15 42 46
c16 16 60"
: > "$OUT/results.txt"
while read -r target m cliques; do
    for n in $cliques; do
        echo "== K$n into $target"
        for seed in $SEEDS; do
            (cd "$HERE" && "$PY" minorminer_embed.py find "$OUT/$target.txt" "$n" "$seed" "$m") | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
            "$OUT/qembed" find "$OUT/$target.txt" "$n" "$seed" "$CORES" | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
        done
        (cd "$HERE" && "$PY" minorminer_embed.py clique "$OUT/$target.txt" "$n" 0 "$m") | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
        "$OUT/qembed" clique "$OUT/$target.txt" "$n" 1 "$m" | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
    done
done <<< "$CASES"

echo
sed 's/^target=\([^ ]*\) \(tool=[^ ]*\)/\2 target=\1/' "$OUT/results.txt" > "$OUT/results.kv"
"$PY" "$HERE/report.py" "$OUT/results.kv" | tee "$OUT/report.md"
