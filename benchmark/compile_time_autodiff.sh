#!/usr/bin/env bash
# Compile time and peak memory of the scalar engine against graph size: the 2-H-H-1 tanh network of
# benchmark/compile/natural_network.cpp (written neuron by neuron, target as var<I>) with its gradient,
# -O2 -c, on each compiler. Each point: CPU time (user + sys, the least of RUNS builds) and peak memory,
# under the compiler's default limits if they suffice, else under memograd_raise_constexpr_limits()'s
# flags ("raised"); the first H that needs raised limits bounds the largest graph of default limits.
# Usage: benchmark/compile_time_autodiff.sh [compiler...] > docs/data/compile_time_autodiff.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs=${RUNS:-1}
probe="$here/compile/natural_network.cpp"
raised() { if [[ "$1" == *clang* ]]; then echo -fconstexpr-steps=2147483647; else echo -fconstexpr-ops-limit=68719476736 -fconstexpr-loop-limit=1073741824; fi; }

# cpu <compiler> <flags...> -> "seconds megabytes", or nothing if the build fails
cpu() {
    local c=$1; shift
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%U %S %M" -o "$out/t" "$c" -std=c++20 -O2 -c -o "$out/n.o" -I"$root/include" "$@" \
            >/dev/null 2>"$out/err" || return 0
        read -r u s kb <"$out/t"
        echo "$(echo "$u + $s" | bc -l) $((kb / 1024))"
    done | sort -n | head -1 | sed 's/^\./0./'
}

echo "compiler,hidden,nodes,edges,limits,seconds,peak_mb"
for hidden in ${HIDDEN:-4 8 12 16 20 24 28 33}; do
    g++ -std=c++20 -O1 -I"$root/include" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0 -DNETWORK_PHASE=4 \
        $(raised g++) "$probe" -o "$out/emit"
    read -r nodes edges < <("$out/emit" | sed -n 's|^// nodes \([0-9]*\),.*edges \([0-9]*\)|\1 \2|p')
    for c in "${compilers[@]}"; do
        limits=default
        result=$(cpu "$c" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0 "$probe")
        if [ -z "$result" ]; then
            limits=raised
            result=$(cpu "$c" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0 $(raised "$c") "$probe")
        fi
        read -r s mb <<<"$result"
        echo "$c,$hidden,$nodes,$edges,$limits,$s,$mb"
    done
done
