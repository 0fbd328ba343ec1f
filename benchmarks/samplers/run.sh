#!/usr/bin/env bash
# Simulated annealing side by side: dwave-samplers' SimulatedAnnealingSampler and
# qrepl's SimulatedAnnealing on the same instances, reads and sweeps; plus exact
# enumeration of 24 dense spins against numpy brute force. See README.md.
#
# Environment: SCRATCH (SwiftPM scratch dir, default .build), VENV (default
# /tmp/qrepl-bench-venv), OUT (results, default /tmp/qrepl-bench), QUICK=1 (tenth of
# the reads, for a smoke test).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-bench}"
QUICK="${QUICK:-0}"
CORES="$(nproc 2>/dev/null || sysctl -n hw.ncpu)"
mkdir -p "$OUT"

bench_driver qbench
bench_venv "dwave.samplers, dimod, numpy" dwave-samplers dimod numpy
"$PY" -c "import dwave.samplers, dimod; print('dwave-samplers', dwave.samplers.__version__, 'dimod', dimod.__version__)"

echo "== instances"
"$PY" "$HERE/instances.py" "$OUT"

# name spins reads sweeps
CASES="c16 2048 100 1000
sk200 200 100 1000
fm128 16384 32 1000"
: > "$OUT/cases.txt"
while read -r name n reads sweeps; do
    [ "$QUICK" = 1 ] && reads=$(( (reads + 9) / 10 ))
    echo "== $name: $reads reads x $sweeps sweeps"
    (cd "$HERE" && "$PY" dwave_sa.py "$OUT/$name.coo" "$reads" "$sweeps" 1) | tee "$OUT/$name.dwave"
    "$OUT/qbench" sa "$OUT/$name.coo" "$reads" "$sweeps" 1 1 | tee "$OUT/$name.qrepl1"
    "$OUT/qbench" sa "$OUT/$name.coo" "$reads" "$sweeps" "$CORES" 1 | tee "$OUT/$name.qrepl_all"
    echo "$name $n $reads $sweeps $CORES" >> "$OUT/cases.txt"
done <<< "$CASES"

echo "== exact enumeration, 24 dense spins"
(cd "$HERE" && "$PY" numpy_exact.py "$OUT/dense24.coo") | tee "$OUT/exact.numpy"
"$OUT/qbench" exact "$OUT/dense24.coo" 1 | tee "$OUT/exact.qrepl1"
"$OUT/qbench" exact "$OUT/dense24.coo" "$CORES" | tee "$OUT/exact.qrepl_all"

echo
"$PY" "$HERE/report.py" "$OUT" | tee "$OUT/report.md"
