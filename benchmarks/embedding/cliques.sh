#!/usr/bin/env bash
# Native clique embeddings in Pegasus and Zephyr side by side: qrepl's clique layout
# against minorminer's busclique (find_clique_embedding) and minorminer's heuristic
# find_embedding, for K_n in a perfect P16 and Z12 and in each without 50 qubits (fixed
# seed). Prints qubits used, longest chain and seconds per tool and case. See README.md.
#
# Environment: SCRATCH (SwiftPM scratch dir, default .build), VENV (default
# /tmp/qrepl-bench-venv), OUT (default /tmp/qrepl-bench-cliques), FIND ("0" skips
# find_embedding, the slow part).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-bench-cliques}"
FIND="${FIND:-1}"
mkdir -p "$OUT"

echo "== building IsingCore (release) and the clique driver"
swift build -c release --target IsingCore --scratch-path "$SCRATCH" 2>&1 | tail -1
swiftc -O -I "$SCRATCH/release/Modules" "$HERE/cliques.swift" "$SCRATCH"/release/IsingCore.build/*.o -o "$OUT/qclique"
bench_venv "minorminer, dwave_networkx" minorminer dwave-networkx
"$PY" -c "import minorminer, dwave_networkx; print('minorminer', minorminer.__version__, 'dwave-networkx', dwave_networkx.__version__)" 2>/dev/null

echo "== targets"
(cd "$HERE" && "$PY" cliques.py targets "$OUT")

# target-file lattice cliques [cliques also run through find_embedding]
CASES="p16 p16 100 180|100
p16_dead50 p16 100 150|100
z12 z12 100 184|100
z12_dead50 z12 100 150|100"
: > "$OUT/results.txt"
while read -r target lattice rest; do
    cliques="${rest%%|*}"
    finds="${rest##*|}"
    for n in $cliques; do
        echo "== K$n into $target"
        (cd "$HERE" && "$PY" cliques.py busclique "$OUT/$target.txt" "$lattice" "$n" 0) | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
        "$OUT/qclique" "$OUT/$target.txt" "$lattice" "$n" | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
        if [ "$FIND" != "0" ] && [[ " $finds " == *" $n "* ]]; then
            (cd "$HERE" && "$PY" cliques.py find "$OUT/$target.txt" "$lattice" "$n" 1) | sed "s/^/target=$target /" | tee -a "$OUT/results.txt"
        fi
    done
done <<< "$CASES"

echo
echo "| target | clique | tool | valid | qubits | max chain | seconds |"
echo "|---|---|---|---|---|---|---|"
sed -E 's/^target=([^ ]*) tool=([^ ]*) n=([0-9]*) seed=[^ ]* qubits=([0-9]*) max_chain=([0-9]*) seconds=([0-9.]*) valid=([01]).*/| \1 | K\3 | \2 | \7 | \4 | \5 | \6 |/' "$OUT/results.txt" | tee "$OUT/report.md"
