#!/usr/bin/env bash
# RBM training side by side: scikit-learn's BernoulliRBM and qrepl's rbm(...).fit on the
# 1797 binarised 8x8 digits with BernoulliRBM's algorithm and settings (PCD-1, 10
# persistent chains, batch 10, learning rate 0.1, 20 epochs), 64 and 256 hidden units.
# Both machines are then scored by the same Python code. See README.md.
#
# Environment: VENV (default /tmp/qrepl-bench-venv), OUT (default /tmp/qrepl-bench-rbm),
# EPOCHS (default 20), QUICK=1 (2 epochs, a smoke test).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
OUT="${OUT:-/tmp/qrepl-bench-rbm}"
EPOCHS="${EPOCHS:-20}"
[ "${QUICK:-0}" = 1 ] && EPOCHS=2
mkdir -p "$OUT"

echo "== building qrepl (release)"
(cd "$ROOT" && swift build -c release 2>&1 | tail -1)
QREPL="$ROOT/.build/release/qrepl"
bench_venv "sklearn, numpy" scikit-learn numpy
"$PY" -c "import sklearn, numpy; print('scikit-learn', sklearn.__version__, 'numpy', numpy.__version__)"

"$PY" "$HERE/prepare.py" "$OUT"
: > "$OUT/results.jsonl"
"$PY" "$HERE/peak.py" | tee -a "$OUT/results.jsonl"
for hidden in 64 256; do
    echo "== $hidden hidden units, $EPOCHS epochs"
    "$PY" "$HERE/sklearn_rbm.py" "$OUT" "$hidden" "$EPOCHS" | tee -a "$OUT/results.jsonl"
    "$QREPL" run "$HERE/ours.qml" "$OUT" "$hidden" "$EPOCHS" | tee -a "$OUT/results.jsonl"
    "$PY" "$HERE/evaluate.py" "$OUT" "$hidden" | tee -a "$OUT/results.jsonl"
done
echo
"$PY" "$HERE/report.py" "$OUT" | tee "$OUT/report.md"
