#!/usr/bin/env bash
# Finds, by bisection, the largest N each compile-time Fibonacci strategy reaches under a compiler's
# *default* constexpr/template limits (memograd's own guards are switched off for the probe).
# Usage: [BOOST_INCLUDE=dir] [STRATEGIES="1 3 5"] benchmark/compile_limits.sh [compiler...]
#   compilers default to g++ clang++-19;
#   BOOST_INCLUDE: another Boost's headers, searched before the system's (e.g. the Boost 1.81 that
#   .ci/boost181 unpacks: build/boost-1.81/usr/include).
#   STRATEGIES: the strategies to bisect (1 naive, 2 memoized, 3 table, 4 instantiated, 5 fib_v; default all).
# Output: one line per compiler and strategy: "<compiler> <boost version> <strategy> <largest N>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
# The guards off: the budget declared raised, the depths declared larger than any N bisected (the template
# memo sizes a bit set by MEMOGRAD_TEMPLATE_DEPTH, so that one stays just above the bisection's 8,000).
unguarded=(-DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1 -DMEMOGRAD_CONSTEXPR_DEPTH=1000000 -DMEMOGRAD_TEMPLATE_DEPTH=8192)
[ -z "${BOOST_INCLUDE:-}" ] || unguarded+=(-isystem "$(cd "$BOOST_INCLUDE" && pwd)")
boost=$(echo 'BOOST_LIB_VERSION' | g++ -E -P -x c++ -include boost/version.hpp ${BOOST_INCLUDE:+-isystem "$BOOST_INCLUDE"} - |
        tail -1 | tr -d '"' | tr _ .)

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

# strategy number -> name and bisection bounds
declare -A name=([1]=naive_fibonacci [2]=memoized_fibonacci [3]=fib_table [4]=instantiated_fibonacci [5]=fib_v)
declare -A bounds=([1]="2 93" [2]="10 4000" [3]="100 200000" [4]="100 8000" [5]="1000 2000000")
for c in "${compilers[@]}"; do
    for s in ${STRATEGIES:-1 2 3 4 5}; do
        read -r lo hi <<<"${bounds[$s]}"
        echo "$c boost-$boost ${name[$s]} $(largest "$c" "$s" "$lo" "$hi")"
    done
done
