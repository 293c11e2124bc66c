#!/usr/bin/env bash
# Finds, by bisection, the largest N each compile-time Fibonacci strategy reaches under a compiler's
# *default* constexpr/template limits (memograd's own guards are switched off for the probe).
# Usage: benchmark/compile_limits.sh [compiler...]   (default: g++ clang++-19)
# Output: one line per compiler and strategy: "<compiler> <strategy> <largest N>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
unguarded=(-DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1 -DMEMOGRAD_CONSTEXPR_DEPTH=1000000 -DMEMOGRAD_TEMPLATE_DEPTH=1000000)

compiles() {  # compiler strategy n
    "$1" -std=c++20 -fsyntax-only -I"$root/include" "${unguarded[@]}" -DPROBE_STRATEGY="$2" -DPROBE_N="$3" \
        "$here/compile/fibonacci_probe.cpp" >/dev/null 2>&1
}

largest() {  # compiler strategy lo hi  (lo must compile, hi must not)
    local c=$1 s=$2 lo=$3 hi=$4
    compiles "$c" "$s" "$lo" || { echo "error: $c strategy $s fails at the lower end $lo" >&2; exit 1; }
    if compiles "$c" "$s" "$hi"; then echo ">=$hi"; return; fi
    while [ $((hi - lo)) -gt 1 ]; do
        local mid=$(((lo + hi) / 2))
        if compiles "$c" "$s" "$mid"; then lo=$mid; else hi=$mid; fi
    done
    echo "$lo"
}

for c in "${compilers[@]}"; do
    echo "$c naive_fibonacci $(largest "$c" 1 2 93)"
    echo "$c memoized_fibonacci $(largest "$c" 2 10 4000)"
    echo "$c fib_table $(largest "$c" 3 100 200000)"
    echo "$c instantiated_fibonacci $(largest "$c" 4 100 8000)"
    echo "$c fib_v $(largest "$c" 5 1000 2000000)"
done
