# Set-up shared by the side-by-side benchmarks. Each run.sh sets HERE (its own folder)
# and sources this file, which defines ROOT, SCRATCH (SwiftPM scratch dir, default
# .build) and VENV (the Python virtualenv for the other tools, default
# /tmp/qrepl-bench-venv), and the two helpers below.

ROOT="$(cd "$HERE/../.." && pwd)"
SCRATCH="${SCRATCH:-$ROOT/.build}"
VENV="${VENV:-/tmp/qrepl-bench-venv}"

# bench_driver NAME: builds IsingCore in release mode and compiles $HERE/bench.swift
# against it into $OUT/NAME.
bench_driver() {
    echo "== building IsingCore (release) and the qrepl benchmark driver"
    swift build -c release --target IsingCore --scratch-path "$SCRATCH" 2>&1 | tail -1
    swiftc -O -I "$SCRATCH/release/Modules" "$HERE/bench.swift" "$SCRATCH"/release/IsingCore.build/*.o -o "$OUT/$1"
}

# bench_venv "MODULES" PACKAGE...: makes sure $VENV can import MODULES (a Python import
# list), creating it and installing the PACKAGEs when not; sets PY to its python.
bench_venv() {
    local modules="$1"
    shift
    echo "== python virtualenv with $* ($VENV)"
    if ! "$VENV/bin/python" -W ignore -c "import $modules" 2>/dev/null; then
        [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q "$@"
    fi
    PY="$VENV/bin/python"
}
