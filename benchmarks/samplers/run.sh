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
ROOT="$(cd "$HERE/../.." && pwd)"
SCRATCH="${SCRATCH:-$ROOT/.build}"
VENV="${VENV:-/tmp/qrepl-bench-venv}"
OUT="${OUT:-/tmp/qrepl-bench}"
QUICK="${QUICK:-0}"
CORES="$(nproc 2>/dev/null || sysctl -n hw.ncpu)"
mkdir -p "$OUT"

echo "== building IsingCore (release) and the qrepl benchmark driver"
swift build -c release --target IsingCore --scratch-path "$SCRATCH" 2>&1 | tail -1
swiftc -O -I "$SCRATCH/release/Modules" "$HERE/bench.swift" "$SCRATCH"/release/IsingCore.build/*.o -o "$OUT/qbench"

echo "== python virtualenv with dwave-samplers, dimod, numpy ($VENV)"
if ! "$VENV/bin/python" -c "import dwave.samplers, dimod, numpy" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q dwave-samplers dimod numpy
fi
PY="$VENV/bin/python"
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
