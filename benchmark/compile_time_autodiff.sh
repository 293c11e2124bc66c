#!/usr/bin/env bash
# Compile time and peak memory of the scalar engine against graph size: the 2-H-H-1 tanh network of
# benchmark/compile/natural_network.cpp (written neuron by neuron, target as var<I>) with its gradient,
# -O2 -c, on each compiler. Each point: CPU time (user + sys, the least of RUNS builds) and peak memory,
# under the compiler's default limits if they suffice, else under memograd_raise_constexpr_limits()'s
# flags ("raised"); the first H that needs raised limits bounds the largest graph of default limits.
# Usage: benchmark/compile_time_autodiff.sh [compiler...] > docs/data/compile_time_autodiff.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
export RUNS=${RUNS:-1}
probe="$here/compile/natural_network.cpp"

# cpu <compiler> <flags...> -> "seconds megabytes" (the least of RUNS builds, common.sh), or nothing if the
# build fails (its limits do not suffice)
cpu() {
    local c=$1 s kb; shift
    read -r s kb < <(least_compile "$probe" "$c" "$@" 2>/dev/null) || return 0
    echo "$s $((kb / 1024))"
}

echo "compiler,hidden,nodes,edges,limits,seconds,peak_mb"
for hidden in ${HIDDEN:-4 8 12 16 20 22 24 28 33 35}; do
    g++ -std=c++20 -O1 -I"$root/include" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0 -DNETWORK_PHASE=4 \
        $(raised_limits g++) "$probe" -o "$out/emit"
    read -r nodes edges < <("$out/emit" | sed -n 's|^// nodes \([0-9]*\),.*edges \([0-9]*\)|\1 \2|p')
    for c in "${compilers[@]}"; do
        limits=default
        result=$(cpu "$c" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0)
        if [ -z "$result" ]; then
            limits=raised
            result=$(cpu "$c" -DNETWORK_WIDTHS=$hidden,$hidden -DNETWORK_TARGET=0 $(raised_limits "$c"))
        fi
        read -r s mb <<<"$result"
        echo "$c,$hidden,$nodes,$edges,$limits,$s,$mb"
    done
done
