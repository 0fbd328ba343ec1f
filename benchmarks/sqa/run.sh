#!/usr/bin/env bash
# Simulated quantum annealing side by side on a Chimera C16 +-1 instance: OpenJij's
# SQASampler (Trotter slices), dwave-samplers' PathIntegralAnnealingSampler (continuous
# imaginary time) and qrepl's sqa (SimulatedQuantumAnnealing), all on the linear schedule
# H(s) = -Gamma (1 - s) sum X + s H_P with Gamma = 1, beta = 5 and the same sweeps.
# Prints time per spin-sweep (all slices of a spin count as one), best and mean energies,
# and the ratios. See README.md.
#
# Environment: SCRATCH (SwiftPM scratch dir, default .build), VENV (default
# /tmp/qrepl-bench-venv), OUT (results, default /tmp/qrepl-sqa-bench), QUICK=1 (fewer reads
# and sweeps, for a smoke test).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-sqa-bench}"
QUICK="${QUICK:-0}"
mkdir -p "$OUT"

bench_driver sqabench
bench_venv "openjij, dwave.samplers, dimod, dwave_networkx, numpy" openjij dwave-samplers dimod dwave-networkx numpy
"$PY" -W ignore -c "import openjij, dwave.samplers; from importlib.metadata import version as v; print('openjij', v('openjij'), 'dwave-samplers', v('dwave-samplers'))"

echo "== instance"
"$PY" -W ignore "$HERE/instances.py" "$OUT"

SWEEPS=1000; OTHER_READS=8; OUR_READS=64
if [ "$QUICK" = 1 ]; then SWEEPS=100; OTHER_READS=2; OUR_READS=16; fi
: > "$OUT/runs.txt"
for P in 8 16; do
    echo "== trotter $P: openjij $OTHER_READS reads, qrepl $OUR_READS reads, $SWEEPS sweeps"
    "$PY" -W ignore "$HERE/others.py" openjij "$OUT/c16.coo" "$OTHER_READS" "$SWEEPS" "$P" | tee "$OUT/openjij$P"
    "$OUT/sqabench" sqa "$OUT/c16.coo" "$OUR_READS" "$SWEEPS" "$P" 1 | tee "$OUT/qrepl$P"
    echo "openjij$P qrepl$P" >> "$OUT/runs.txt"
done
echo "== dwave-samplers path-integral annealing: $OTHER_READS reads, $SWEEPS sweeps"
"$PY" -W ignore "$HERE/others.py" pimc "$OUT/c16.coo" "$OTHER_READS" "$SWEEPS" | tee "$OUT/pimc"
echo "== qrepl, 16 slices, all $(nproc) cores"
"$OUT/sqabench" sqa "$OUT/c16.coo" "$OUR_READS" "$SWEEPS" 16 "$(nproc)" | tee "$OUT/qrepl16_all"

echo
"$PY" "$HERE/report.py" "$OUT" | tee "$OUT/report.md"
