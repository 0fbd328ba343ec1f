#!/usr/bin/env bash
# Times the qml interpreter against CPython and Lua on the same small programs.
#
#   benchmarks/interpreter/run.sh [RUNS]      (default 5; RUNS may also be given as N=...)
#
# Each program runs RUNS times per implementation and the best wall time is kept,
# start-up included. Outputs must agree across implementations, or the run fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

runs="${1:-${N:-5}}"
startup_runs=10
workloads=(fib loop lists)
qrepl="${QREPL:-$root/.build/release/qrepl}"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [RUNS]   (RUNS is a positive integer)" >&2
    exit 2
fi

# --- tools -------------------------------------------------------------------

if [ ! -x "$qrepl" ]; then
    echo "building the release binary..."
    swift build -c release
fi

python="$(command -v python3 || true)"
if [ -z "$python" ]; then
    echo "python3 is required" >&2
    exit 1
fi

lua="$(command -v lua5.4 || true)"
if [ -z "$lua" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing lua5.4..."
        export DEBIAN_FRONTEND=noninteractive
        if apt-get update -qq && apt-get install -y -qq lua5.4 >/dev/null; then
            lua="$(command -v lua5.4 || true)"
        fi
    fi
    if [ -z "$lua" ]; then
        echo "note: lua5.4 is not installed, so Lua is skipped (as root: apt-get update && apt-get install -y lua5.4)"
    fi
fi

# --- timing ------------------------------------------------------------------

# Microseconds since the epoch, without starting a process where bash allows it.
now_us() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "$((10#$t))"
    else
        echo "$(($(date +%s%N) / 1000))"
    fi
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# best_time COUNT OUTFILE CMD...: runs CMD COUNT times, keeps the first run's stdout
# in OUTFILE, and prints the best wall time in microseconds, or "fail".
best_time() {
    local count="$1" out="$2"
    shift 2
    local best="" i t0 t1 dt rc
    for ((i = 0; i < count; i++)); do
        t0="$(now_us)"
        rc=0
        "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null || rc=$?
        if [ "$rc" -ne 0 ]; then
            { echo "exit status $rc"; cat "$tmp/stderr"; } >"$out.err"
            echo fail
            return
        fi
        t1="$(now_us)"
        dt=$((t1 - t0))
        if [ "$i" -eq 0 ]; then cp "$tmp/stdout" "$out"; fi
        if [ -z "$best" ] || [ "$dt" -lt "$best" ]; then best="$dt"; fi
    done
    echo "$best"
}

# seconds US: 123456 -> 0.123
seconds() {
    case "$1" in
        fail | skip | -) echo "$1" ;;
        *) awk -v us="$1" 'BEGIN { printf "%.3f", us / 1e6 }' ;;
    esac
}

# ratio A B: A/B to two decimals, or "-" when either is missing
ratio() {
    if [[ "$1" =~ ^[0-9]+$ && "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]]; then
        awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
    else
        echo "-"
    fi
}

row() {
    printf '%-10s %10s %10s %10s %14s %11s\n' "$@"
}

# --- run ---------------------------------------------------------------------

echo
echo "best of $runs runs (start-up of best of $startup_runs), wall-clock seconds"
echo "qrepl:  $qrepl"
echo "python: $("$python" --version 2>&1)"
if [ -n "$lua" ]; then echo "lua:    $("$lua" -v 2>&1 | head -n 1)"; fi
echo
row workload "qrepl s" "python s" "lua s" "qrepl/python" "qrepl/lua"
row "--------" "-------" "--------" "-----" "------------" "---------"

mismatch=0
notes=()
for w in "${workloads[@]}"; do
    tq="$(best_time "$runs" "$tmp/$w.qrepl" "$qrepl" "$here/$w.qml")"
    tp="$(best_time "$runs" "$tmp/$w.python" "$python" "$here/$w.py")"
    if [ -n "$lua" ]; then
        tl="$(best_time "$runs" "$tmp/$w.lua" "$lua" "$here/$w.lua")"
    else
        tl=skip
    fi

    # Python's output is the reference; every other implementation must print the same.
    for impl in qrepl lua; do
        file="$tmp/$w.$impl"
        if [ -f "$file.err" ]; then
            notes+=("$w: $impl failed: $(head -n 3 "$file.err" | tr '\n' ' ')")
            mismatch=1
        elif [ -f "$file" ] && [ -f "$tmp/$w.python" ] && ! cmp -s "$file" "$tmp/$w.python"; then
            notes+=("$w: $impl printed '$(tr '\n' ' ' <"$file")' but python printed '$(tr '\n' ' ' <"$tmp/$w.python")'")
            mismatch=1
        fi
    done
    if [ -f "$tmp/$w.python.err" ]; then
        notes+=("$w: python failed: $(head -n 3 "$tmp/$w.python.err" | tr '\n' ' ')")
        mismatch=1
    fi

    row "$w" "$(seconds "$tq")" "$(seconds "$tp")" "$(seconds "$tl")" "$(ratio "$tq" "$tp")" "$(ratio "$tq" "$tl")"
done

sq="$(best_time "$startup_runs" "$tmp/startup.qrepl" "$qrepl" -e '1')"
sp="$(best_time "$startup_runs" "$tmp/startup.python" "$python" -c 1)"
if [ -n "$lua" ]; then
    sl="$(best_time "$startup_runs" "$tmp/startup.lua" "$lua" -e '')"
else
    sl=skip
fi
if [ "$sq" = fail ]; then
    notes+=("startup: qrepl -e '1' failed: $(head -n 3 "$tmp/startup.qrepl.err" | tr '\n' ' ')")
    mismatch=1
fi
row startup "$(seconds "$sq")" "$(seconds "$sp")" "$(seconds "$sl")" "$(ratio "$sq" "$sp")" "$(ratio "$sq" "$sl")"

echo
echo "target: qrepl/python <= 1.00 on each workload, qrepl start-up < 0.050 s"
if [ "${#notes[@]}" -gt 0 ]; then
    echo
    printf '%s\n' "${notes[@]}"
fi
if [ "$mismatch" -ne 0 ]; then
    echo "FAILED: some implementations failed or disagree" >&2
    exit 1
fi
echo "all outputs agree"
